package dev.lambdaruntime.sample;

import java.time.Duration;

import dev.lambdaruntime.emulator.InvokeResult;
import dev.lambdaruntime.emulator.LambdaEmulator;
import dev.lambdaruntime.emulator.RuntimeError;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.SpringApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * A start-up that cannot serve is reported to {@code /runtime/init/error} before any event.
 */
class InitErrorTests {

	@Test
	void reportsADefinitionThatNamesNoFunction() {
		try (LambdaEmulator emulator = LambdaEmulator.builder().timeout(Duration.ofSeconds(10)).build().start()) {
			assertThatException().isThrownBy(() -> SpringApplication.run(SampleApplication.class,
					"--lambda.runtime.api=" + emulator.runtimeApi(), "--spring.cloud.function.definition=gret"));
			RuntimeError error = emulator.initError().orElseThrow();
			assertThat(error.errorType()).isEqualTo("Runtime.BadFunctionCode");
			assertThat(error.body()).contains("No function 'gret'").contains("greet");
			// The body names one exception: its type, its message and where it was thrown, not Spring's layers.
			JsonNode body = JsonMapper.shared().readTree(error.body());
			assertThat(body.get("errorType").asString())
				.isEqualTo("dev.lambdaruntime.function.FunctionResolutionException");
			assertThat(body.get("errorMessage").asString()).startsWith("No function 'gret'");
			assertThat(body.get("stackTrace").get(0).asString())
				.startsWith("dev.lambdaruntime.function.FunctionResolver.");
			assertThat(body.has("cause")).isFalse();
			assertThat(error.body()).hasSizeLessThan(2048);
			InvokeResult first = emulator.invoke("{}");
			assertThat(first.functionError()).isEqualTo("Unhandled");
			assertThat(first.payloadAsString()).contains("No function 'gret'");
			assertThat(emulator.runtimeRequests()).noneMatch((request) -> request.path().endsWith("/next"));
		}
	}

	@Test
	void reportsSeveralFunctionsWithoutADefinition() {
		try (LambdaEmulator emulator = LambdaEmulator.builder().timeout(Duration.ofSeconds(10)).build().start()) {
			assertThatException().isThrownBy(() -> SpringApplication.run(SampleApplication.class,
					"--lambda.runtime.api=" + emulator.runtimeApi()));
			assertThat(emulator.initError().orElseThrow().body()).contains("Several functions could serve")
				.contains("spring.cloud.function.definition");
		}
	}

}
