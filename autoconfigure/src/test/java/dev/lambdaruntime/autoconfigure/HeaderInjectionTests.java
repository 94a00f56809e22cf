package dev.lambdaruntime.autoconfigure;

import java.time.Duration;
import java.util.function.Function;

import dev.lambdaruntime.emulator.InvokeResult;
import dev.lambdaruntime.emulator.LambdaEmulator;
import dev.lambdaruntime.emulator.RuntimeRequest;
import dev.lambdaruntime.loop.ExitHandler;
import dev.lambdaruntime.loop.RecordingExitHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.cloud.function.context.config.ContextFunctionCatalogAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.json.JsonContent;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A function's exception message cannot add headers to the runtime's error report, whatever CR and LF it holds: it
 * travels JSON-escaped in the body and in the X-Ray cause.
 */
class HeaderInjectionTests {

	private final LambdaEmulator emulator = LambdaEmulator.builder().timeout(Duration.ofSeconds(20)).build().start();

	@AfterEach
	void close() {
		this.emulator.close();
	}

	@Test
	void anExceptionMessageCannotInjectHeaders() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(ContextFunctionCatalogAutoConfiguration.class,
					LambdaRuntimeAutoConfiguration.class))
			.withUserConfiguration(InjectingFunction.class)
			.withPropertyValues("lambda.runtime.api=" + this.emulator.runtimeApi(),
					"spring.cloud.function.definition=inject")
			.run((context) -> {
				InvokeResult result = this.emulator.invoke("\"x\"");
				assertThat(result.functionError()).isEqualTo("Unhandled");
				RuntimeRequest error = this.emulator.runtimeRequests()
					.stream()
					.filter((request) -> request.path().endsWith("/error"))
					.findFirst()
					.orElseThrow();
				assertThat(error.headers()).doesNotContainKeys("X-Injected", "X-Also");
				assertThat(error.header("Lambda-Runtime-Function-Error-Type")).isEqualTo("java.lang.IllegalStateException");
				assertThat(error.header("Lambda-Runtime-Function-XRay-Error-Cause")).doesNotContain("\r", "\n")
					.contains("\\r\\nX-Injected: yes");
				assertThat(new JsonContent(result.payloadAsString())).extractingPath("$.errorMessage")
					.isEqualTo("bad\r\nX-Injected: yes\r\n\r\nX-Also: 1");
			});
	}

	@Configuration(proxyBeanMethods = false)
	static class InjectingFunction {

		@Bean
		Function<String, String> inject() {
			return (input) -> {
				throw new IllegalStateException("bad\r\nX-Injected: yes\r\n\r\nX-Also: 1");
			};
		}

		@Bean
		ExitHandler recordingExitHandler() {
			return new RecordingExitHandler();
		}

	}

}
