package dev.lambdaruntime.sample;

import java.time.Duration;

import dev.lambdaruntime.emulator.AutoConfigureLambdaEmulator;
import dev.lambdaruntime.emulator.InvokeResult;
import dev.lambdaruntime.emulator.LambdaEmulator;
import dev.lambdaruntime.emulator.RuntimeRequest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code words} end to end: a {@code Flux} streamed in Lambda's response streaming mode.
 */
@SpringBootTest(properties = "spring.cloud.function.definition=words")
@AutoConfigureLambdaEmulator
class WordsFunctionTests {

	@Autowired
	private LambdaEmulator emulator;

	@Test
	void streamsTheWordsAsText() {
		InvokeResult result = this.emulator.invoke("\"one two  three\"");
		assertThat(result.functionError()).isNull();
		assertThat(result.payloadAsString()).isEqualTo("one two three ");
		RuntimeRequest response;
		do {
			response = this.emulator.takeRuntimeRequest(Duration.ofSeconds(5));
			assertThat(response).isNotNull();
		}
		while (!response.path().endsWith("/response"));
		assertThat(response.header("Lambda-Runtime-Function-Response-Mode")).isEqualTo("streaming");
		assertThat(response.header("Content-Type")).isEqualTo("text/plain;charset=UTF-8");
	}

}
