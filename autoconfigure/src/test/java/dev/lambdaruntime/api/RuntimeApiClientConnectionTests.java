package dev.lambdaruntime.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.lambdaruntime.emulator.Endpoint;
import dev.lambdaruntime.emulator.Fault;
import dev.lambdaruntime.emulator.InvokeResult;
import dev.lambdaruntime.emulator.LambdaEmulator;
import dev.lambdaruntime.emulator.RuntimeRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIOException;

/**
 * Tests for how {@link RuntimeApiClient} keeps, replaces and closes its connection, against the emulator's faults.
 */
@Timeout(30)
class RuntimeApiClientConnectionTests {

	private final LambdaEmulator emulator = LambdaEmulator.builder().timeout(Duration.ofSeconds(20)).build().start();

	private final RuntimeApiClient client = new RuntimeApiClient(this.emulator.runtimeApi());

	@AfterEach
	void stop() {
		this.client.close();
		this.emulator.close();
	}

	@Test
	void connectsOnFirstUseOnly() throws Exception {
		// A connection the client had opened would have been accepted before this one's.
		try (RuntimeApiClient probe = new RuntimeApiClient(this.emulator.runtimeApi())) {
			probe.reportInitError(LambdaErrorType.BAD_FUNCTION_CODE, ErrorReport.of("T", "m"));
		}
		assertThat(take().connection()).isOne();
	}

	@Test
	void keepsOneConnectionAcrossCalls() throws Exception {
		CompletableFuture<InvokeResult> first = invokeAsync("1");
		this.client.respond(this.client.next(), new byte[] { 1 }, null);
		invokeAsync("2");
		this.client.next();
		assertThat(first.get(5, TimeUnit.SECONDS).payload()).containsExactly(1);
		assertThat(this.emulator.runtimeRequests()).extracting(RuntimeRequest::connection).containsExactly(1, 1, 1);
	}

	@Test
	void reconnectsWhenTheServerClosedTheConnectionBetweenCalls() throws Exception {
		this.emulator.faults().next(Endpoint.RESPONSE, Fault.closeAfterResponse());
		invokeAsync("1");
		answerNext();
		invokeAsync("2");
		this.client.next();
		assertThat(this.emulator.runtimeRequests()).extracting(RuntimeRequest::connection).containsExactly(1, 1, 2);
	}

	@Test
	void retriesOnceWhenAReusedConnectionClosesBeforeAnswering() throws Exception {
		invokeAsync("1");
		answerNext();
		this.emulator.faults().next(Endpoint.NEXT, Fault.dropRequest());
		invokeAsync("2");
		this.client.next();
		List<RuntimeRequest> requests = this.emulator.runtimeRequests();
		assertThat(requests).extracting(RuntimeRequest::fault).containsExactly(null, null, Fault.dropRequest(), null);
		assertThat(requests).extracting(RuntimeRequest::connection).containsExactly(1, 1, 1, 2);
	}

	@Test
	void retriesOnceWhenAReusedConnectionIsReset() throws Exception {
		CompletableFuture<InvokeResult> result = invokeAsync("1");
		Invocation invocation = this.client.next();
		this.emulator.faults().next(Endpoint.RESPONSE, Fault.resetConnection());
		assertThat(this.client.respond(invocation, new byte[] { 7 }, null)).isEqualTo(ResponseOutcome.ACCEPTED);
		assertThat(result.get(5, TimeUnit.SECONDS).payload()).containsExactly(7);
		List<RuntimeRequest> requests = this.emulator.runtimeRequests();
		assertThat(requests.get(2).body()).containsExactly(7);
		assertThat(requests).extracting(RuntimeRequest::connection).containsExactly(1, 1, 2);
	}

	@Test
	void failsWhenTheRetryFailsToo() throws Exception {
		invokeAsync("1");
		answerNext();
		this.emulator.faults().next(Endpoint.NEXT, Fault.dropRequest(), 2);
		assertThatIOException().isThrownBy(this.client::next).withMessageContaining("before a response");
		assertThat(this.emulator.runtimeRequests()).extracting(RuntimeRequest::connection)
			.containsExactly(1, 1, 1, 2);
	}

	@Test
	void failsWithoutRetryWhenAFreshConnectionCloses() {
		this.emulator.faults().next(Endpoint.NEXT, Fault.dropRequest());
		assertThatIOException().isThrownBy(this.client::next).withMessageContaining("before a response");
		assertThat(this.emulator.runtimeRequests()).hasSize(1);
	}

	@Test
	void failsWithoutRetryWhenTheConnectionClosesMidResponse() throws Exception {
		invokeAsync("1");
		answerNext();
		this.emulator.faults().next(Endpoint.NEXT, Fault.truncatedBody());
		invokeAsync("0123456789");
		assertThatIOException().isThrownBy(this.client::next).withMessageContaining("5 of 10 body bytes");
		assertThat(this.emulator.runtimeRequests()).hasSize(3);
	}

	@Test
	void failsWhenTheResponseCameWithBytesItDidNotDeclare() throws Exception {
		invokeAsync("1");
		answerNext();
		this.emulator.faults().next(Endpoint.RESPONSE, Fault.wrongContentLength());
		invokeAsync("2");
		Invocation second = this.client.next();
		assertThatIOException().isThrownBy(() -> this.client.respond(second, new byte[] { 2 }, null))
			.withMessageContaining("the Runtime API sent more bytes than its 202 response declared");
		invokeAsync("3");
		assertThat(this.client.next().payload()).containsExactly('3');
		assertThat(this.emulator.runtimeRequests()).extracting(RuntimeRequest::connection)
			.containsExactly(1, 1, 1, 1, 2);
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
	void closeReleasesAThreadBlockedInNext() throws Exception {
		CompletableFuture<Invocation> next = nextInBackground();
		take();
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
		take();
		assertStillWaiting(next, Duration.ofSeconds(1));
		invokeAsync("late");
		assertThat(next.get(5, TimeUnit.SECONDS).payload()).isEqualTo("late".getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void aStalledAnswerIsWaitedFor() throws Exception {
		this.emulator.faults().next(Endpoint.NEXT, Fault.stall(Duration.ofMillis(200)));
		invokeAsync("slow");
		assertThat(this.client.next().payload()).isEqualTo("slow".getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void aClosedClientFailsAndNeverReconnects() throws Exception {
		invokeAsync("1");
		this.client.next();
		this.client.close();
		this.client.close();
		assertThatIOException().isThrownBy(this.client::next).withMessage("client closed");
		assertThatIOException()
			.isThrownBy(() -> this.client.reportInitError(LambdaErrorType.BAD_FUNCTION_CODE, ErrorReport.of("T", "m")))
			.withMessage("client closed");
		assertThat(this.emulator.runtimeRequests()).hasSize(1);
	}

	@Test
	void aClientClosedBeforeUseNeverConnects() throws Exception {
		this.client.close();
		assertThatIOException().isThrownBy(this.client::next).withMessage("client closed");
		assertThat(this.emulator.runtimeRequests()).isEmpty();
	}

	private void answerNext() throws IOException {
		assertThat(this.client.respond(this.client.next(), new byte[] { 0 }, null)).isEqualTo(ResponseOutcome.ACCEPTED);
	}

	private RuntimeRequest take() {
		RuntimeRequest request = this.emulator.takeRuntimeRequest(Duration.ofSeconds(10));
		assertThat(request).as("a request within 10 seconds").isNotNull();
		return request;
	}

	/**
	 * Waits for the call to end, as it would if it timed out or failed; it must not within the time given.
	 */
	private static void assertStillWaiting(CompletableFuture<Invocation> next, Duration atLeast) {
		assertThatExceptionOfType(TimeoutException.class)
			.isThrownBy(() -> next.get(atLeast.toMillis(), TimeUnit.MILLISECONDS));
	}

	private CompletableFuture<InvokeResult> invokeAsync(String payload) {
		return CompletableFuture.supplyAsync(() -> this.emulator.invoke(payload),
				(task) -> new Thread(task, "caller").start());
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

}
