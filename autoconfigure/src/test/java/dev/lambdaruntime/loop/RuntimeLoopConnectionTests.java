package dev.lambdaruntime.loop;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import dev.lambdaruntime.api.RuntimeApiClient;
import dev.lambdaruntime.emulator.Endpoint;
import dev.lambdaruntime.emulator.Fault;
import dev.lambdaruntime.emulator.InvokeResult;
import dev.lambdaruntime.emulator.LambdaEmulator;
import dev.lambdaruntime.emulator.RuntimeRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link RuntimeLoop} against an emulator that breaks connections and answers what Lambda rarely answers.
 */
class RuntimeLoopConnectionTests {

	private final RecordingExitHandler exits = new RecordingExitHandler();

	private final LambdaEmulator emulator = LambdaEmulator.builder().timeout(Duration.ofSeconds(2)).build().start();

	private RuntimeLoop loop;

	@AfterEach
	void stop() {
		if (this.loop != null) {
			this.loop.stop(Duration.ofSeconds(1));
		}
		this.emulator.close();
	}

	@Test
	void reconnectsAfterTheConnectionBreaksAndCarriesOn() {
		startLoop();
		this.emulator.faults().next(Endpoint.RESPONSE, Fault.closeAfterResponse());
		assertThat(this.emulator.invoke("first").payloadAsString()).isEqualTo("FIRST");
		assertThat(this.emulator.invoke("second").payloadAsString()).isEqualTo("SECOND");
		assertThat(this.emulator.runtimeRequests()).extracting(RuntimeRequest::connection).containsSubsequence(1, 2);
		assertThat(this.exits.statuses()).isEmpty();
	}

	@Test
	void sendsAnAnswerAgainWhenItsConnectionBreaksAndCarriesOn() {
		startLoop();
		this.emulator.faults().next(Endpoint.RESPONSE, Fault.malformedStatusLine());
		assertThat(this.emulator.invoke("first").payloadAsString()).isEqualTo("FIRST");
		assertThat(this.emulator.invoke("second").payloadAsString()).isEqualTo("SECOND");
		List<RuntimeRequest> answers = this.emulator.runtimeRequests()
			.stream()
			.filter((request) -> request.path().endsWith("/response"))
			.toList();
		// The first answer was taken, then its 202 garbled; the copy sent again is refused with 403, unseen.
		assertThat(answers).hasSize(3);
		assertThat(answers.get(1).path()).isEqualTo(answers.get(0).path());
		assertThat(answers.get(1).connection()).isGreaterThan(answers.get(0).connection());
		assertThat(this.exits.statuses()).isEmpty();
	}

	@Test
	void exitsAtOnceWhenNextAnswersAContainerError() throws Exception {
		this.emulator.faults().next(Endpoint.NEXT, Fault.status(500));
		startLoop();
		assertThat(this.exits.awaitStatus()).isEqualTo(1);
		assertThat(this.exits.reasons().get(0)).contains("500");
		assertThat(this.emulator.runtimeRequests()).hasSize(1);
	}

	@Test
	void carriesOnWhenTheInvocationIsGone() {
		startLoop();
		this.emulator.faults().next(Endpoint.RESPONSE, Fault.status(410));
		InvokeResult late = this.emulator.invoke("late");
		assertThat(late.payloadAsString()).contains("Task timed out");
		assertThat(this.emulator.invoke("next").payloadAsString()).isEqualTo("NEXT");
		assertThat(this.exits.statuses()).isEmpty();
	}

	private void startLoop() {
		this.loop = RuntimeLoop
			.builder(() -> new RuntimeApiClient(this.emulator.runtimeApi()), (invocation) -> new InvocationResponse(
					new String(invocation.payload(), StandardCharsets.UTF_8).toUpperCase(Locale.ROOT)
						.getBytes(StandardCharsets.UTF_8),
					"text/plain"))
			.exitHandler(this.exits)
			.build();
		this.loop.start();
	}

}
