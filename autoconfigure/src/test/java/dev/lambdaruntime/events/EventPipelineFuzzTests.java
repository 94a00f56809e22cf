package dev.lambdaruntime.events;

import java.util.List;

import dev.lambdaruntime.emulator.InvokeResult;
import net.jqwik.api.Arbitraries;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Damaged AWS events and arbitrary bytes through the whole pipeline (detection, unwrapping, conversion, the function,
 * shaping the answer) on the real loop: each gets an answer or a function error, and the worker lives on.
 */
class EventPipelineFuzzTests {

	/** How many events each run sends; benchmarks/reliability.sh raises it. */
	private static final int EVENTS = Integer.getInteger("reliability.fuzz.events", 300);

	private final EventRuntime runtime = new EventRuntime();

	@AfterEach
	void close() {
		this.runtime.close();
	}

	@ParameterizedTest
	@ValueSource(strings = { "order", "describe" })
	void everyDamagedEventGetsAnAnswerOrAFunctionErrorAndTheWorkerLivesOn(String function) {
		List<String> events = EventDetectorFuzzTests.damagedEvents().sampleStream().limit(EVENTS).toList();
		List<byte[]> bytes = Arbitraries.bytes().array(byte[].class).ofMaxSize(512).sampleStream().limit(EVENTS)
			.toList();
		this.runtime.serving(function).run((context) -> {
			events.forEach((event) -> answeredOrFailed(this.runtime.emulator().invoke(event)));
			bytes.forEach((event) -> answeredOrFailed(this.runtime.emulator().invoke(event)));
			InvokeResult valid = this.runtime.emulator().invoke(EventRuntime.event("api-gateway-http.json"));
			assertThat(valid.functionError()).isNull();
			assertThat(valid.payloadAsString()).contains("\"statusCode\":");
		});
	}

	private static void answeredOrFailed(InvokeResult result) {
		assertThat(result.statusCode()).isEqualTo(200);
		if (result.functionError() != null) {
			assertThat(result.functionError()).isEqualTo("Unhandled");
			assertThat(result.payloadAsString()).contains("\"errorType\":\"").doesNotContain("Sandbox.Timedout");
		}
	}

}
