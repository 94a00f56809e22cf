package dev.lambdaruntime.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import dev.lambdaruntime.emulator.InvokeResult;
import dev.lambdaruntime.emulator.LambdaEmulator;
import dev.lambdaruntime.emulator.RuntimeError;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.cloud.function.context.config.ContextFunctionCatalogAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A Spring application that cannot start, against the emulator: whatever fails, and however early (before the
 * application context exists, or while it is refreshed), Lambda gets the cause on {@code /runtime/init/error} with a
 * message that names the setting, and the application's {@code run} fails, so {@code main} exits non-zero.
 */
class StartupFailureReportTests {

	private final LambdaEmulator emulator = LambdaEmulator.create().start();

	@AfterEach
	void close() {
		this.emulator.close();
	}

	@ParameterizedTest
	@CsvSource({ "AWS_LAMBDA_MAX_CONCURRENCY, abc", "AWS_LAMBDA_MAX_CONCURRENCY, 0",
			"AWS_LAMBDA_FUNCTION_MEMORY_SIZE, 512MB" })
	void aMalformedLambdaVariableIsReportedByName(String variable, String value) {
		assertFailsAndReports(WebApplicationType.NONE, "--" + variable + "=" + value);
		assertReported("java.lang.IllegalArgumentException",
				variable + " must be a positive whole number, but was '" + value + "'");
	}

	@Test
	void theSameWhereTheApplicationWouldStartAWebServer() {
		// The web server's environment post-processor reads Lambda's environment before any bean exists.
		assertFailsAndReports(WebApplicationType.SERVLET, "--AWS_LAMBDA_MAX_CONCURRENCY=abc");
		assertReported("java.lang.IllegalArgumentException",
				"AWS_LAMBDA_MAX_CONCURRENCY must be a positive whole number, but was 'abc'");
	}

	@Test
	void aMalformedPropertyIsReportedByName() {
		assertFailsAndReports(WebApplicationType.NONE, "--lambda.runtime.workers=many");
		assertReported("java.lang.NumberFormatException",
				"Failed to bind properties under 'lambda.runtime.workers' to java.lang.Integer: For input string: "
						+ "\"many\"");
	}

	@Test
	void aFailureBeforeTheContextExistsIsReportedToTheApiTheApplicationNamed() {
		assertFailsAndReports(WebApplicationType.NONE, "--spring.config.import=file:/no/such/lambda.properties");
		assertThat(message()).contains("/no/such/lambda.properties").contains("cannot be found");
	}

	private void assertFailsAndReports(WebApplicationType type, String... arguments) {
		List<String> all = new ArrayList<>(List.of(arguments));
		all.add("--lambda.runtime.api=" + this.emulator.runtimeApi());
		all.add("--spring.cloud.function.definition=shout");
		Throwable failure = catchThrowable(() -> new SpringApplicationBuilder(ShoutConfiguration.class).web(type)
			.bannerMode(Banner.Mode.OFF)
			.registerShutdownHook(false)
			.run(all.toArray(String[]::new))
			.close());
		assertThat(failure).as("the application's run fails, so main exits non-zero").isNotNull();
		assertThat(this.emulator.initError()).as("the init error Lambda got").isPresent();
		assertThat(this.emulator.initError().orElseThrow().errorType()).isEqualTo("Runtime.BadFunctionCode");
		InvokeResult served = this.emulator.invoke("\"hi\"");
		assertThat(served.functionError()).isEqualTo("Unhandled");
	}

	private void assertReported(String errorType, String errorMessage) {
		assertThat(body()).containsEntry("errorType", errorType).containsEntry("errorMessage", errorMessage);
	}

	private String message() {
		return (String) body().get("errorMessage");
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> body() {
		RuntimeError error = this.emulator.initError().orElseThrow();
		return JsonMapper.builder().build().readValue(error.body(), Map.class);
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ ContextFunctionCatalogAutoConfiguration.class, LambdaRuntimeAutoConfiguration.class })
	static class ShoutConfiguration {

		@Bean
		Function<String, String> shout() {
			return String::toUpperCase;
		}

	}

}
