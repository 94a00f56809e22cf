package dev.lambdaruntime.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import dev.lambdaruntime.emulator.InvokeResult;
import dev.lambdaruntime.emulator.LambdaEmulator;
import dev.lambdaruntime.loop.ExitHandler;
import dev.lambdaruntime.loop.RecordingExitHandler;
import dev.lambdaruntime.metrics.EmfDocument;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.logging.LoggingInitializationContext;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.logging.LoggingSystemProperty;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.cloud.function.context.config.ContextFunctionCatalogAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real output of a Spring application running the runtime loop against the emulator, under Lambda's log formats
 * and levels ({@code AWS_LAMBDA_LOG_FORMAT}, {@code AWS_LAMBDA_LOG_LEVEL}).
 */
@ExtendWith(OutputCaptureExtension.class)
class LambdaLogOutputTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final String SECRET_PAYLOAD = "\"card-4111111111111111\"";

	private LambdaEmulator emulator;

	private ConfigurableApplicationContext context;

	@BeforeEach
	void startEmulator() {
		clearLoggingSystemProperties();
		this.emulator = LambdaEmulator.builder().timeout(Duration.ofSeconds(20)).build().start();
	}

	@AfterEach
	void stop() {
		if (this.context != null) {
			this.context.close();
		}
		this.emulator.close();
		System.clearProperty("com.amazonaws.xray.traceHeader");
		// Boot keeps its logging settings in system properties and Logback in a static context: restore the
		// defaults for the tests that follow, and leave it to be initialized again by the next application.
		clearLoggingSystemProperties();
		LoggingSystem system = LoggingSystem.get(getClass().getClassLoader());
		system.cleanUp();
		system.beforeInitialize();
		system.initialize(new LoggingInitializationContext(new StandardEnvironment()), null, null);
		system.cleanUp();
	}

	@Test
	void writesEveryLineAsLambdaJsonWithTheRequestIdInsideAnInvocation(CapturedOutput output) {
		run("--AWS_LAMBDA_LOG_FORMAT=JSON");
		InvokeResult ok = this.emulator.invoke(SECRET_PAYLOAD);
		InvokeResult failed = this.emulator.invoke("\"fail\"");
		assertThat(failed.functionError()).isEqualTo("Unhandled");
		this.context.close();
		List<Map<String, Object>> lines = jsonLines(output);
		assertThat(lines).allSatisfy((line) -> assertThat(line).containsKeys("timestamp", "level", "message", "logger"));
		assertThat(lines).filteredOn((line) -> RuntimeLoopLifecycle.class.getName().equals(line.get("logger")))
			.singleElement()
			.satisfies((line) -> assertThat((String) line.get("message"))
				.startsWith("Lambda runtime started: function 'shout'")
				.contains("custom runtime, 1 worker, init ")
				.contains("Runtime API at " + this.emulator.runtimeApi()));
		assertThat(lines).filteredOn((line) -> "Shouting".equals(line.get("message")))
			.singleElement()
			.satisfies((line) -> assertThat(line).containsEntry("level", "INFO")
				.containsEntry("logger", LambdaLogOutputTests.class.getName())
				.containsEntry("requestId", ok.requestId()));
		assertThat(lines).filteredOn((line) -> failed.requestId().equals(line.get("requestId")))
			.filteredOn((line) -> "ERROR".equals(line.get("level")))
			.singleElement()
			.satisfies((line) -> {
				// The loop's own line, through System.Logger and java.util.logging into Boot's logging.
				assertThat(line).containsEntry("logger", "dev.lambdaruntime.loop.Worker")
					.containsEntry("message", "Invocation " + failed.requestId() + " failed")
					.containsEntry("errorType", "java.lang.IllegalStateException")
					.containsEntry("errorMessage", "boom");
				assertThat(line.get("stackTrace")).asString().contains(LambdaLogOutputTests.class.getName());
			});
		assertThat(lines).filteredOn((line) -> line.get("requestId") == null)
			.noneMatch((line) -> "Shouting".equals(line.get("message")));
	}

	@Test
	void logsNothingPerInvocationAboveDebugUnlessItFailsAndNeverTheEvent(CapturedOutput output) {
		run("--AWS_LAMBDA_LOG_FORMAT=JSON");
		InvokeResult ok = this.emulator.invoke(SECRET_PAYLOAD);
		this.emulator.invoke(SECRET_PAYLOAD);
		assertThat(ok.payloadAsString()).isEqualTo(SECRET_PAYLOAD.toUpperCase(Locale.ROOT));
		this.context.close();
		assertThat(output.getAll()).doesNotContain("4111111111111111").doesNotContain("4111111111111111"
			.toUpperCase(Locale.ROOT));
		assertThat(jsonLines(output)).filteredOn((line) -> line.get("requestId") != null)
			.allSatisfy((line) -> assertThat(line).containsEntry("logger", LambdaLogOutputTests.class.getName()));
	}

	@Test
	void keepsBootsTextFormatWithTheRequestIdAdded(CapturedOutput output) {
		run("--AWS_LAMBDA_LOG_FORMAT=TEXT");
		InvokeResult ok = this.emulator.invoke("\"hello\"");
		InvokeResult failed = this.emulator.invoke("\"fail\"");
		this.context.close();
		assertThat(output.getAll().lines()).noneMatch((line) -> line.startsWith("{"));
		assertThat(output.getAll().lines().filter((line) -> line.endsWith(" : Shouting")))
			.singleElement()
			.asString()
			.contains(" INFO ")
			.contains("[" + ok.requestId() + "] ");
		assertThat(output.getAll().lines().filter((line) -> line.contains(" dev.lambdaruntime.loop.Worker ")))
			.singleElement()
			.asString()
			.contains(" ERROR ")
			.contains("[" + failed.requestId() + "] ")
			.endsWith("Invocation " + failed.requestId() + " failed");
		assertThat(output.getAll()).contains("java.lang.IllegalStateException: boom");
		assertThat(output.getAll()).contains("Lambda runtime started: function 'shout'");
	}

	@Test
	void setsTheRootLevelFromLambdasLogLevel(CapturedOutput output) {
		run("--AWS_LAMBDA_LOG_FORMAT=JSON", "--AWS_LAMBDA_LOG_LEVEL=WARN");
		this.emulator.invoke("\"hello\"");
		this.context.close();
		List<Map<String, Object>> lines = jsonLines(output);
		assertThat(lines).extracting((line) -> line.get("message")).contains("Careful").doesNotContain("Shouting");
		assertThat(lines).extracting((line) -> line.get("level")).isSubsetOf("WARN", "ERROR");
	}

	@Test
	void showsDebugLinesWithTheRequestIdAtDebug(CapturedOutput output) {
		run("--AWS_LAMBDA_LOG_FORMAT=JSON", "--AWS_LAMBDA_LOG_LEVEL=DEBUG");
		InvokeResult ok = this.emulator.invoke("\"hello\"");
		this.context.close();
		assertThat(jsonLines(output)).filteredOn((line) -> "DEBUG".equals(line.get("level")))
			.filteredOn((line) -> ok.requestId().equals(line.get("requestId")))
			.extracting((line) -> line.get("message"))
			.contains("Invocation " + ok.requestId() + " of shout with 7 bytes");
	}

	@Test
	void leavesLevelsAndJsonSettingsTheApplicationConfiguredAlone(CapturedOutput output) {
		run("--AWS_LAMBDA_LOG_FORMAT=JSON", "--AWS_LAMBDA_LOG_LEVEL=ERROR", "--logging.level.root=INFO",
				"--logging.structured.json.add.service=orders");
		this.emulator.invoke("\"hello\"");
		this.context.close();
		assertThat(jsonLines(output)).filteredOn((line) -> "Shouting".equals(line.get("message")))
			.singleElement()
			.satisfies((line) -> assertThat(line).containsEntry("service", "orders"));
	}

	@Test
	void writesEachMetricsDocumentAsALineOfItsOwnBesideTheJsonLog(CapturedOutput output) {
		run(MeteredConfiguration.class, "count", "--AWS_LAMBDA_LOG_FORMAT=JSON", "--AWS_LAMBDA_FUNCTION_NAME=counter");
		InvokeResult first = this.emulator.invoke("\"one\"");
		InvokeResult second = this.emulator.invoke("\"two\"");
		this.context.close();
		List<Map<String, Object>> lines = jsonLines(output);
		List<EmfDocument> documents = EmfDocument.parseAll(output.getAll());
		assertThat(documents).filteredOn((document) -> document.units().containsKey("counted"))
			.extracting(EmfDocument::requestId)
			.containsExactly(first.requestId(), second.requestId());
		// A document is a line of its own, not a log record's message: CloudWatch reads it as EMF.
		assertThat(lines).filteredOn((line) -> line.containsKey("_aws"))
			.hasSameSizeAs(documents)
			.noneMatch((line) -> line.containsKey("message"));
		assertThat(lines).filteredOn((line) -> !line.containsKey("_aws"))
			.allSatisfy((line) -> assertThat(line).containsKeys("timestamp", "level", "message", "logger"))
			.filteredOn((line) -> "Counting".equals(line.get("message")))
			.extracting((line) -> line.get("requestId"))
			.containsExactly(first.requestId(), second.requestId());
	}

	private void run(String... arguments) {
		run(ShoutConfiguration.class, "shout", arguments);
	}

	private void run(Class<?> configuration, String function, String... arguments) {
		List<String> all = new ArrayList<>(List.of(arguments));
		all.add("--lambda.runtime.api=" + this.emulator.runtimeApi());
		all.add("--spring.cloud.function.definition=" + function);
		this.context = new SpringApplicationBuilder(configuration).web(WebApplicationType.NONE)
			.bannerMode(Banner.Mode.OFF)
			.registerShutdownHook(false)
			.run(all.toArray(String[]::new));
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> jsonLines(CapturedOutput output) {
		// Every line must be one JSON object: parsing fails the test on any other.
		return output.getAll().lines().filter((line) -> !line.isBlank()).map((line) -> {
			assertThat(line).startsWith("{");
			return (Map<String, Object>) json.readValue(line, Map.class);
		}).toList();
	}

	private static void clearLoggingSystemProperties() {
		for (LoggingSystemProperty property : LoggingSystemProperty.values()) {
			System.clearProperty(property.getEnvironmentVariableName());
		}
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ ContextFunctionCatalogAutoConfiguration.class, LambdaRuntimeAutoConfiguration.class })
	static class ShoutConfiguration {

		private static final Logger logger = LoggerFactory.getLogger(LambdaLogOutputTests.class);

		@Bean
		Function<String, String> shout() {
			return (input) -> {
				if ("fail".equals(input)) {
					throw new IllegalStateException("boom");
				}
				logger.info("Shouting");
				logger.warn("Careful");
				return input.toUpperCase(Locale.ROOT);
			};
		}

		@Bean
		ExitHandler recordingExitHandler() {
			return new RecordingExitHandler();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ ContextFunctionCatalogAutoConfiguration.class, LambdaRuntimeAutoConfiguration.class,
			LambdaMetricsAutoConfiguration.class })
	static class MeteredConfiguration {

		private static final Logger logger = LoggerFactory.getLogger(LambdaLogOutputTests.class);

		@Bean
		Function<String, String> count(MeterRegistry registry) {
			return (input) -> {
				logger.info("Counting");
				registry.counter("counted").increment();
				return input;
			};
		}

		@Bean
		ExitHandler recordingExitHandler() {
			return new RecordingExitHandler();
		}

	}

}
