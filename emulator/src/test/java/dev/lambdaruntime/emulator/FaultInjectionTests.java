package dev.lambdaruntime.emulator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Fault injection: what each fault puts on the wire, which requests it takes, and what becomes of the request.
 */
class FaultInjectionTests {

	private static final String NEXT = "GET /2018-06-01/runtime/invocation/next HTTP/1.1\r\nHost: x\r\n\r\n";

	private final LambdaEmulator emulator = LambdaEmulator.builder().timeout(Duration.ofSeconds(2)).build().start();

	private final TestRuntime runtime = new TestRuntime(this.emulator);

	@AfterEach
	void close() {
		this.emulator.close();
	}

	@Test
	void statusAnswersInsteadOfTheApiAndTheEventStaysQueued() throws Exception {
		CompletableFuture<InvokeResult> result = invokeAsync("{\"n\":1}");
		this.emulator.faults().next(Endpoint.NEXT, Fault.status(502));
		RawHttp.Response refused = RawHttp.exchange(this.emulator, NEXT);
		assertThat(refused.status()).isEqualTo(502);
		assertThat(TestJson.parse(refused.body())).containsEntry("errorType", "Emulator.InjectedFault")
			.containsEntry("errorMessage", "Fault injected by the Lambda emulator: status:502 on next");
		String requestId = TestRuntime.requestId(this.runtime.next());
		this.runtime.respond(requestId, "ok");
		assertThat(result.get(5, TimeUnit.SECONDS).payloadAsString()).isEqualTo("ok");
	}

	@Test
	void dropRequestClosesWithoutAWordAndTheEventStaysQueued() throws Exception {
		CompletableFuture<InvokeResult> result = invokeAsync("{}");
		this.emulator.faults().next(Endpoint.NEXT, Fault.dropRequest());
		assertThat(exchangeUntilClosed(NEXT)).isEmpty();
		this.runtime.respond(TestRuntime.requestId(this.runtime.next()), "ok");
		assertThat(result.get(5, TimeUnit.SECONDS).payloadAsString()).isEqualTo("ok");
	}

	@Test
	void resetConnectionResetsWithoutAWord() throws Exception {
		this.emulator.faults().next(Endpoint.NEXT, Fault.resetConnection());
		invokeAsync("{}");
		try (Socket socket = send(NEXT)) {
			assertThat(readUntilClosed(socket)).isEmpty();
		}
		catch (SocketException ex) {
			assertThat(ex).hasMessageContaining("reset");
		}
	}

	@Test
	void dropResponseLosesTheHandedOutEventWhichTimesOut() throws Exception {
		CompletableFuture<InvokeResult> result = invokeAsync("{}");
		this.emulator.faults().next(Endpoint.NEXT, Fault.dropResponse());
		assertThat(exchangeUntilClosed(NEXT)).isEmpty();
		InvokeResult timedOut = result.get(10, TimeUnit.SECONDS);
		assertThat(timedOut.functionError()).isEqualTo("Unhandled");
		assertThat(timedOut.payloadAsString()).contains("Task timed out after 2.00 seconds");
	}

	@Test
	void closeAfterResponseAnswersInFullAsIfKeptAliveThenCloses() throws Exception {
		invokeAsync("{\"n\":2}");
		this.emulator.faults().next(Endpoint.NEXT, Fault.closeAfterResponse());
		String answer = text(exchangeUntilClosed(NEXT));
		assertThat(answer).startsWith("HTTP/1.1 200 OK\r\n").endsWith("\r\n\r\n{\"n\":2}").doesNotContain("Connection:");
	}

	@Test
	void stallAnswersLateAndEndsWhenTheEmulatorCloses() throws Exception {
		invokeAsync("{}");
		this.emulator.faults().next(Endpoint.NEXT, Fault.stall(Duration.ofHours(1)));
		try (Socket socket = send(NEXT)) {
			assertThat(this.emulator.takeRuntimeRequest(Duration.ofSeconds(5)).fault())
				.isEqualTo(Fault.stall(Duration.ofHours(1)));
			this.emulator.close();
			assertThat(readUntilClosed(socket)).isEmpty();
		}
	}

	@Test
	void stallThenAnswersInFull() throws Exception {
		CompletableFuture<InvokeResult> result = invokeAsync("{}");
		this.emulator.faults().next(Endpoint.NEXT, Fault.stall(Duration.ofMillis(50)));
		String requestId = TestRuntime.requestId(this.runtime.next());
		this.runtime.respond(requestId, "late");
		assertThat(result.get(5, TimeUnit.SECONDS).payloadAsString()).isEqualTo("late");
	}

	@Test
	void trickleSendsTheWholeAnswerAndKeepsTheConnection() throws Exception {
		CompletableFuture<InvokeResult> result = invokeAsync("{\"slow\":true}");
		this.emulator.faults().next(Endpoint.NEXT, Fault.trickle(7, Duration.ofMillis(1)));
		try (Socket socket = send(NEXT)) {
			RawHttp.Response next = RawHttp.read(socket.getInputStream());
			assertThat(next.body()).isEqualTo("{\"slow\":true}");
			String requestId = next.headers().get("Lambda-Runtime-Aws-Request-Id");
			socket.getOutputStream()
				.write(("POST /2018-06-01/runtime/invocation/" + requestId + "/response HTTP/1.1\r\n"
						+ "Content-Length: 2\r\n\r\nok").getBytes(StandardCharsets.US_ASCII));
			assertThat(RawHttp.read(socket.getInputStream()).status()).isEqualTo(202);
		}
		assertThat(result.get(5, TimeUnit.SECONDS).payloadAsString()).isEqualTo("ok");
	}

	@Test
	void truncatedBodyStopsHalfWayThroughTheBody() throws Exception {
		invokeAsync("{\"name\":\"0123456789\"}");
		this.emulator.faults().next(Endpoint.NEXT, Fault.truncatedBody());
		String answer = text(exchangeUntilClosed(NEXT));
		assertThat(answer).startsWith("HTTP/1.1 200 OK\r\n").contains("Content-Length: 21\r\n").endsWith("\r\n\r\n{\"name\":\"0");
	}

	@Test
	void truncatedBodyWithoutABodyStopsHalfWayThroughTheHead() throws Exception {
		this.emulator.faults().next(Endpoint.NEXT, Fault.truncatedBody());
		invokeAsync(new byte[0]);
		String answer = text(exchangeUntilClosed(NEXT));
		assertThat(answer).startsWith("HTTP/1.1 200 OK\r\n").doesNotContain("\r\n\r\n");
	}

	@Test
	void malformedStatusLineBreaksTheStatusCode() throws Exception {
		this.emulator.faults().next(Endpoint.INIT_ERROR, Fault.malformedStatusLine());
		assertThat(text(exchangeUntilClosed(post("/runtime/init/error", "{}")))).startsWith("HTTP/1.1 2x02 Accepted\r\n")
			.endsWith("{\"status\":\"OK\"}");
		assertThat(this.emulator.initError()).isPresent();
	}

	@Test
	void malformedHeadersSendsALineWithoutAColon() throws Exception {
		this.emulator.faults().next(Endpoint.INIT_ERROR, Fault.malformedHeaders());
		assertThat(text(exchangeUntilClosed(post("/runtime/init/error", "{}"))))
			.contains("\r\nLambda-Runtime-Broken header without a colon\r\n");
	}

	@Test
	void oversizedHeadersSendsOver100KilobytesOfHeaders() throws Exception {
		this.emulator.faults().next(Endpoint.INIT_ERROR, Fault.oversizedHeaders());
		String answer = text(exchangeUntilClosed(post("/runtime/init/error", "{}")));
		assertThat(answer.indexOf("\r\n\r\n")).isGreaterThan(120_000);
		assertThat(answer).contains("X-Oversized-119: xxx").endsWith("{\"status\":\"OK\"}");
	}

	@Test
	void wrongContentLengthIsOneShortOfTheBody() throws Exception {
		this.emulator.faults().next(Endpoint.INIT_ERROR, Fault.wrongContentLength());
		assertThat(text(exchangeUntilClosed(post("/runtime/init/error", "{}")))).contains("Content-Length: 14\r\n")
			.endsWith("\r\n\r\n{\"status\":\"OK\"}");
	}

	@Test
	void wrongContentLengthWithoutABodyIsOneOver() throws Exception {
		this.emulator.faults().next(Endpoint.NEXT, Fault.wrongContentLength());
		invokeAsync(new byte[0]);
		assertThat(text(exchangeUntilClosed(NEXT))).contains("Content-Length: 1\r\n").endsWith("\r\n\r\n");
	}

	@Test
	void brokenChunkingDeclaresOneByteMoreThanTheChunkHas() throws Exception {
		this.emulator.faults().next(Endpoint.INIT_ERROR, Fault.brokenChunking());
		assertThat(text(exchangeUntilClosed(post("/runtime/init/error", "{}"))))
			.contains("Transfer-Encoding: chunked\r\n")
			.doesNotContain("Content-Length")
			.endsWith("\r\n\r\n10\r\n{\"status\":\"OK\"}\r\n0\r\n\r\n");
	}

	@Test
	void recordsWhichConnectionCarriedEachRequest() throws Exception {
		String twoRequests = post("/runtime/init/error", "{}") + post("/runtime/restore/error", "{}");
		try (Socket socket = send(twoRequests)) {
			RawHttp.read(socket.getInputStream());
			RawHttp.read(socket.getInputStream());
		}
		RawHttp.exchange(this.emulator, post("/runtime/init/error", "{}"));
		assertThat(this.emulator.runtimeRequests()).extracting(RuntimeRequest::connection).containsExactly(1, 1, 2);
	}

	@Test
	void scriptedFaultsAreTakenInOrderThenTheEmulatorBehaves() {
		this.emulator.faults()
			.next(Endpoint.RESTORE_NEXT, Fault.status(500), 2)
			.next(Endpoint.RESTORE_NEXT, Fault.status(429));
		List<Integer> statuses = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			statuses.add(this.runtime.get("/runtime/restore/next").statusCode());
		}
		assertThat(statuses).containsExactly(500, 500, 429, 403);
		assertThat(this.emulator.faults().injected()).isEqualTo(3);
		assertThat(this.emulator.faults().injected(Endpoint.RESTORE_NEXT)).isEqualTo(3);
		assertThat(this.emulator.faults().injected(Endpoint.NEXT)).isZero();
		assertThat(this.emulator.runtimeRequests()).extracting(RuntimeRequest::fault)
			.containsExactly(Fault.status(500), Fault.status(500), Fault.status(429), null);
	}

	@Test
	void faultsTakeOnlyTheirEndpoint() throws Exception {
		this.emulator.faults()
			.next(Endpoint.STREAMING_RESPONSE, Fault.status(500))
			.next(Endpoint.ERROR, Fault.status(502));
		CompletableFuture<InvokeResult> result = invokeAsync("{}");
		String requestId = TestRuntime.requestId(this.runtime.next());
		assertThat(this.runtime.respond(requestId, "buffered").statusCode()).isEqualTo(202);
		assertThat(result.get(5, TimeUnit.SECONDS).payloadAsString()).isEqualTo("buffered");
		CompletableFuture<InvokeResult> streamed = invokeAsync("{}");
		String streamedId = TestRuntime.requestId(this.runtime.next());
		assertThat(this.runtime
			.post("/runtime/invocation/" + streamedId + "/response", "s".getBytes(StandardCharsets.UTF_8),
					"Lambda-Runtime-Function-Response-Mode", "streaming")
			.statusCode()).isEqualTo(500);
		assertThat(this.runtime.fail(streamedId, "E", "{}").statusCode()).isEqualTo(502);
		assertThat(this.runtime.fail(streamedId, "E", "{}").statusCode()).isEqualTo(202);
		assertThat(streamed.get(5, TimeUnit.SECONDS).functionError()).isEqualTo("Unhandled");
		assertThat(this.emulator.faults().injected()).isEqualTo(2);
	}

	@Test
	void randomFaultsRepeatWithTheSeed() {
		List<Integer> first = randomStatuses(42);
		assertThat(first).contains(500, 403);
		assertThat(randomStatuses(42)).isEqualTo(first);
		assertThat(randomStatuses(7)).isNotEqualTo(first);
	}

	@Test
	void randomFaultsKeepToTheirEndpointsAndProbability() {
		this.emulator.faults()
			.random(Fault.status(500), 1, Endpoint.NEXT)
			.random(Fault.status(502), 0)
			.random(Fault.status(429), 1, Endpoint.INIT_ERROR);
		assertThat(this.runtime.get("/runtime/restore/next").statusCode()).isEqualTo(403);
		assertThat(this.runtime.get("/runtime/invocation/next").statusCode()).isEqualTo(500);
		assertThat(this.runtime.post("/runtime/init/error", new byte[0]).statusCode()).isEqualTo(429);
		this.emulator.faults().clear();
		assertThat(this.runtime.post("/runtime/init/error", new byte[0]).statusCode()).isEqualTo(202);
	}

	@Test
	void scriptedFaultsComeBeforeRandomOnes() {
		this.emulator.faults().random(Fault.status(500), 1).next(Endpoint.RESTORE_NEXT, Fault.status(502));
		assertThat(this.runtime.get("/runtime/restore/next").statusCode()).isEqualTo(502);
		assertThat(this.runtime.get("/runtime/restore/next").statusCode()).isEqualTo(500);
	}

	@Test
	void requestsTheApiRefusesForTheirMethodGetNoFault() {
		this.emulator.faults().random(Fault.status(500), 1);
		assertThat(RawHttp.exchange(this.emulator, "POST /2018-06-01/runtime/invocation/next HTTP/1.1\r\n"
				+ "Content-Length: 0\r\n\r\n").status()).isEqualTo(405);
		assertThat(this.emulator.faults().injected()).isZero();
	}

	@Test
	void faultsAreCheckedWhenMade() {
		assertThatIllegalArgumentException().isThrownBy(() -> Fault.status(302)).withMessageContaining("400 to 599");
		assertThatIllegalArgumentException().isThrownBy(() -> Fault.trickle(0, Duration.ZERO));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.emulator.faults().next(Endpoint.NEXT, Fault.dropRequest(), 0));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.emulator.faults().random(Fault.dropRequest(), 1.5));
		assertThat(Fault.trickle(1, Duration.ofMillis(10))).hasToString("trickle:1:10ms")
			.isEqualTo(Fault.trickle(1, Duration.ofMillis(10)));
		assertThat(Fault.dropRequest().reachesTheApi()).isFalse();
		assertThat(Fault.dropResponse().reachesTheApi()).isTrue();
	}

	private List<Integer> randomStatuses(long seed) {
		this.emulator.faults().clear();
		this.emulator.faults().seed(seed).random(Fault.status(500), 0.5, Endpoint.RESTORE_NEXT);
		List<Integer> statuses = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			statuses.add(this.runtime.get("/runtime/restore/next").statusCode());
		}
		return statuses;
	}

	private CompletableFuture<InvokeResult> invokeAsync(String payload) {
		return invokeAsync(payload.getBytes(StandardCharsets.UTF_8));
	}

	private CompletableFuture<InvokeResult> invokeAsync(byte[] payload) {
		return CompletableFuture.supplyAsync(() -> this.emulator.invoke(payload),
				(task) -> new Thread(task, "caller").start());
	}

	private static String post(String path, String body) {
		return "POST /2018-06-01" + path + " HTTP/1.1\r\nHost: x\r\nContent-Length: "
				+ body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body;
	}

	private byte[] exchangeUntilClosed(String request) throws IOException {
		try (Socket socket = send(request)) {
			return readUntilClosed(socket);
		}
	}

	private Socket send(String request) throws IOException {
		Socket socket = new Socket(InetAddress.getLoopbackAddress(), this.emulator.port());
		socket.setSoTimeout(10_000);
		socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
		socket.getOutputStream().flush();
		return socket;
	}

	private static byte[] readUntilClosed(Socket socket) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		InputStream in = socket.getInputStream();
		byte[] buffer = new byte[8192];
		for (int read = in.read(buffer); read != -1; read = in.read(buffer)) {
			bytes.write(buffer, 0, read);
		}
		return bytes.toByteArray();
	}

	private static String text(byte[] bytes) {
		return new String(bytes, StandardCharsets.UTF_8);
	}

}
