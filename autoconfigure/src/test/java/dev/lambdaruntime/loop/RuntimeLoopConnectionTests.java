package dev.lambdaruntime.loop;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import dev.lambdaruntime.api.RuntimeApiClient;
import dev.lambdaruntime.api.ScriptedServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link RuntimeLoop} against a scripted server that breaks connections and answers what Lambda rarely
 * answers.
 */
class RuntimeLoopConnectionTests {

	private final RecordingExitHandler exits = new RecordingExitHandler();

	private ScriptedServer server;

	private RuntimeLoop loop;

	@BeforeEach
	void startServer() throws Exception {
		this.server = new ScriptedServer();
	}

	@AfterEach
	void stop() throws Exception {
		if (this.loop != null) {
			this.loop.stop(Duration.ofSeconds(1));
		}
		this.server.close();
	}

	@Test
	void reconnectsAfterTheConnectionBreaksAndCarriesOn() throws Exception {
		this.server.enqueue(event("first"));
		this.server.enqueueThenClose(ScriptedServer.response(202, "{\"status\":\"OK\"}"));
		this.server.enqueue(event("second"));
		this.server.enqueue(ScriptedServer.response(202, "{\"status\":\"OK\"}"));
		startLoop();
		assertThat(this.server.takeRequest().requestLine()).endsWith("/invocation/next HTTP/1.1");
		assertThat(this.server.takeRequest().bodyText()).isEqualTo("FIRST");
		assertThat(this.server.takeRequest().requestLine()).endsWith("/invocation/next HTTP/1.1");
		ScriptedServer.RecordedRequest second = this.server.takeRequest();
		assertThat(second.requestLine()).contains("/invocation/second/response");
		assertThat(second.bodyText()).isEqualTo("SECOND");
		assertThat(this.server.connectionCount()).isEqualTo(2);
		assertThat(this.exits.statuses()).isEmpty();
	}

	@Test
	void exitsAtOnceWhenNextAnswersAContainerError() throws Exception {
		this.server.enqueue(ScriptedServer.response(500, "{\"errorType\":\"Container\"}"));
		startLoop();
		assertThat(this.exits.awaitStatus()).isEqualTo(1);
		assertThat(this.exits.reasons().get(0)).contains("500");
		this.server.takeRequest();
		assertThat(this.server.pendingRequests()).isZero();
	}

	@Test
	void carriesOnWhenTheInvocationIsGone() throws Exception {
		this.server.enqueue(event("late"));
		this.server.enqueue(ScriptedServer.response(410, "{\"errorType\":\"InvokeTimeout\"}"));
		this.server.enqueue(event("next"));
		this.server.enqueue(ScriptedServer.response(202, "{\"status\":\"OK\"}"));
		startLoop();
		this.server.takeRequest();
		this.server.takeRequest();
		this.server.takeRequest();
		assertThat(this.server.takeRequest().bodyText()).isEqualTo("NEXT");
		assertThat(this.exits.statuses()).isEmpty();
	}

	private void startLoop() {
		this.loop = RuntimeLoop
			.builder(() -> new RuntimeApiClient(this.server.endpoint()), (invocation) -> new InvocationResponse(
					new String(invocation.payload(), StandardCharsets.UTF_8).toUpperCase(java.util.Locale.ROOT)
						.getBytes(StandardCharsets.UTF_8),
					"text/plain"))
			.exitHandler(this.exits)
			.build();
		this.loop.start();
	}

	private static String event(String requestId) {
		return ScriptedServer.response(200, requestId, "Lambda-Runtime-Aws-Request-Id: " + requestId,
				"Lambda-Runtime-Deadline-Ms: " + (System.currentTimeMillis() + 60_000));
	}

}
