package dev.lambdaruntime.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIOException;

/**
 * Tests for how {@link RuntimeApiClient} keeps, replaces and closes its connection.
 */
@Timeout(20)
class RuntimeApiClientConnectionTests {

	private ScriptedServer server;

	private RuntimeApiClient client;

	@BeforeEach
	void start() throws IOException {
		this.server = new ScriptedServer();
		this.client = new RuntimeApiClient(this.server.endpoint());
	}

	@AfterEach
	void stop() throws IOException {
		this.client.close();
		this.server.close();
	}

	@Test
	void connectsOnFirstUseOnly() throws Exception {
		// A connection the client had opened would have been accepted before this probe's.
		try (Socket probe = new Socket(InetAddress.getLoopbackAddress(), this.server.port())) {
			byte[] request = ScriptedServer.lines("GET /probe HTTP/1.1", "", "").getBytes(StandardCharsets.US_ASCII);
			probe.getOutputStream().write(request);
			assertThat(this.server.takeRequest().connection()).isOne();
		}
	}

	@Test
	void keepsOneConnectionAcrossCalls() throws Exception {
		this.server.enqueue(event("r1"));
		this.server.enqueue(ScriptedServer.response(202, "{\"status\":\"OK\"}"));
		this.server.enqueue(event("r2"));
		Invocation invocation = this.client.next();
		this.client.respond(invocation, new byte[] { 1 }, null);
		this.client.next();
		assertThat(this.server.connectionCount()).isOne();
		assertThat(this.server.takeRequest().connection()).isOne();
		assertThat(this.server.takeRequest().connection()).isOne();
		assertThat(this.server.takeRequest().connection()).isOne();
	}

	@Test
	void reconnectsWhenServerClosedTheConnectionBetweenCalls() throws Exception {
		this.server.enqueueThenClose(event("r1"));
		this.server.enqueue(event("r2"));
		assertThat(this.client.next().requestId()).isEqualTo("r1");
		assertThat(this.client.next().requestId()).isEqualTo("r2");
		assertThat(this.server.connectionCount()).isEqualTo(2);
	}

	@Test
	void retriesOnceWhenReusedConnectionClosesBeforeAnswering() throws Exception {
		this.server.enqueue(event("r1"));
		this.server.enqueueClose();
		this.server.enqueue(event("r2"));
		this.client.next();
		assertThat(this.client.next().requestId()).isEqualTo("r2");
		this.server.takeRequest();
		ScriptedServer.RecordedRequest dropped = this.server.takeRequest();
		ScriptedServer.RecordedRequest retried = this.server.takeRequest();
		assertThat(dropped.requestLine()).isEqualTo(retried.requestLine());
		assertThat(dropped.connection()).isOne();
		assertThat(retried.connection()).isEqualTo(2);
	}

	@Test
	void retriesOnceWhenReusedConnectionIsReset() throws Exception {
		this.server.enqueue(event("r1"));
		this.server.enqueueReset();
		this.server.enqueue(ScriptedServer.response(202, ""));
		Invocation invocation = this.client.next();
		assertThat(this.client.respond(invocation, new byte[] { 7 }, null)).isEqualTo(ResponseOutcome.ACCEPTED);
		this.server.takeRequest();
		this.server.takeRequest();
		ScriptedServer.RecordedRequest retried = this.server.takeRequest();
		assertThat(retried.body()).containsExactly(7);
		assertThat(retried.connection()).isEqualTo(2);
	}

	@Test
	void failsWhenTheRetryFailsToo() throws Exception {
		this.server.enqueue(event("r1"));
		this.server.enqueueClose();
		this.server.enqueueClose();
		this.client.next();
		assertThatIOException().isThrownBy(this.client::next).withMessageContaining("before a response");
		assertThat(this.server.connectionCount()).isEqualTo(2);
	}

	@Test
	void failsWithoutRetryWhenFreshConnectionCloses() throws Exception {
		this.server.enqueueClose();
		this.server.enqueue(event("never"));
		assertThatIOException().isThrownBy(this.client::next);
		assertThat(this.server.connectionCount()).isOne();
		this.server.takeRequest();
		assertThat(this.server.pendingRequests()).isZero();
	}

	@Test
	void failsWithoutRetryWhenConnectionClosesMidResponse() throws Exception {
		this.server.enqueue(event("r1"));
		this.server.enqueueThenClose(ScriptedServer.lines("HTTP/1.1 200 OK", "Content-Length: 10", "", "abc"));
		this.server.enqueue(event("never"));
		this.client.next();
		assertThatIOException().isThrownBy(this.client::next).withMessageContaining("3 of 10 body bytes");
		assertThat(this.server.connectionCount()).isOne();
	}

	@Test
	void failsWhenNothingListens() throws Exception {
		String endpoint;
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			endpoint = "127.0.0.1:" + socket.getLocalPort();
		}
		try (RuntimeApiClient unreachable = new RuntimeApiClient(endpoint)) {
			assertThatIOException().isThrownBy(unreachable::next)
				.withMessageContaining("cannot connect to the Runtime API at " + endpoint);
		}
	}

	@Test
	void closeReleasesThreadBlockedInNext() throws Exception {
		CompletableFuture<Invocation> next = nextInBackground();
		this.server.takeRequest();
		assertStillWaiting(next, Duration.ofMillis(100));
		this.client.close();
		assertThat(next).failsWithin(Duration.ofSeconds(5))
			.withThrowableOfType(ExecutionException.class)
			.havingCause()
			.isInstanceOf(UncheckedIOException.class)
			.havingCause()
			.isInstanceOf(IOException.class)
			.withMessageContaining("client closed");
	}

	@Test
	void nextWaitsWithoutTimeout() throws Exception {
		CompletableFuture<Invocation> next = nextInBackground();
		this.server.takeRequest();
		assertStillWaiting(next, Duration.ofSeconds(1));
		this.server.enqueue(event("late"));
		assertThat(next.get(5, TimeUnit.SECONDS).requestId()).isEqualTo("late");
	}

	@Test
	void closedClientFailsAndNeverReconnects() throws Exception {
		this.server.enqueue(event("r1"));
		this.client.next();
		this.client.close();
		this.client.close();
		this.server.enqueue(event("r2"));
		assertThatIOException().isThrownBy(this.client::next).withMessage("client closed");
		assertThatIOException()
			.isThrownBy(() -> this.client.reportInitError(LambdaErrorType.BAD_FUNCTION_CODE, ErrorReport.of("T", "m")))
			.withMessage("client closed");
		assertThat(this.server.connectionCount()).isOne();
	}

	@Test
	void clientClosedBeforeUseNeverConnects() throws Exception {
		this.client.close();
		assertThatIOException().isThrownBy(this.client::next).withMessage("client closed");
		assertThat(this.server.connectionCount()).isZero();
	}

	@Test
	void dropsConnectionWhenServerSendsMoreThanDeclared() throws Exception {
		this.server.enqueue(event("r1") + "garbage");
		this.server.enqueue(event("r2"));
		this.client.next();
		assertThat(this.client.next().requestId()).isEqualTo("r2");
		assertThat(this.server.connectionCount()).isEqualTo(2);
	}

	/**
	 * Waits for the call to end, as it would if it timed out or failed; it must not within the time given.
	 */
	private static void assertStillWaiting(CompletableFuture<Invocation> next, Duration atLeast) {
		assertThatExceptionOfType(TimeoutException.class)
			.isThrownBy(() -> next.get(atLeast.toMillis(), TimeUnit.MILLISECONDS));
	}

	private CompletableFuture<Invocation> nextInBackground() {
		return CompletableFuture.supplyAsync(() -> {
			try {
				return this.client.next();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}, (task) -> new Thread(task, "next-caller").start());
	}

	private static String event(String requestId) {
		return ScriptedServer.response(200, "{\"id\":\"" + requestId + "\"}",
				"Lambda-Runtime-Aws-Request-Id: " + requestId);
	}

}
