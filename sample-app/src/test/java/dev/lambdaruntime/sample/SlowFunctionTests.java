package dev.lambdaruntime.sample;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import dev.lambdaruntime.emulator.AutoConfigureLambdaEmulator;
import dev.lambdaruntime.emulator.InvokeResult;
import dev.lambdaruntime.emulator.LambdaEmulator;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.json.JsonContent;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code slow} end to end, with several workers serving invocations at once.
 */
@SpringBootTest(properties = { "spring.cloud.function.definition=slow", "lambda.runtime.workers=4" })
@AutoConfigureLambdaEmulator(concurrency = 4)
class SlowFunctionTests {

	@Autowired
	private LambdaEmulator emulator;

	@Test
	void sleepsAsLongAsAsked() {
		assertThat(new JsonContent(this.emulator.invoke("{\"ms\":50}").payloadAsString()))
			.isStrictlyEqualTo("{\"slept\":50}");
	}

	@Test
	void servesConcurrentInvocations() {
		List<CompletableFuture<InvokeResult>> calls = IntStream.range(0, 4)
			.mapToObj((i) -> CompletableFuture.supplyAsync(() -> this.emulator.invoke("{\"ms\":" + (100 + i) + "}")))
			.toList();
		for (int i = 0; i < calls.size(); i++) {
			assertThat(new JsonContent(calls.get(i).join().payloadAsString()))
				.isStrictlyEqualTo("{\"slept\":" + (100 + i) + "}");
		}
	}

}
