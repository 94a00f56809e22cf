package dev.lambdaruntime.emulator;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Streamed responses with their error trailers, and the SnapStart restore handshake.
 */
class StreamingAndSnapStartTests {

	private LambdaEmulator emulator = LambdaEmulator.create().start();

	@AfterEach
	void close() {
		this.emulator.close();
	}

	@Test
	void streamedResponseIsJoined() throws Exception {
		CompletableFuture<InvokeResult> result = invokeAsync();
		String requestId = TestRuntime.requestId(new TestRuntime(this.emulator).next());
		RawHttp.Response response = RawHttp.exchange(this.emulator, RawHttp.chunked(
				"/2018-06-01/runtime/invocation/" + requestId + "/response", streamingHeaders("text/plain"), "",
				"hello ", "streaming ", "world"));
		assertThat(response.status()).isEqualTo(202);
		InvokeResult invoked = result.get(5, TimeUnit.SECONDS);
		assertThat(invoked.functionError()).isNull();
		assertThat(invoked.payloadAsString()).isEqualTo("hello streaming world");
		assertThat(invoked.contentType()).isEqualTo("text/plain");
	}

	@Test
	void errorTrailersTurnAStreamIntoAFunctionError() throws Exception {
		CompletableFuture<InvokeResult> result = invokeAsync();
		String requestId = TestRuntime.requestId(new TestRuntime(this.emulator).next());
		String error = "{\"errorMessage\":\"mid-stream\",\"errorType\":\"java.io.IOException\"}";
		String trailers = "Lambda-Runtime-Function-Error-Type: java.io.IOException\r\n"
				+ "Lambda-Runtime-Function-Error-Body: "
				+ Base64.getEncoder().encodeToString(error.getBytes(StandardCharsets.UTF_8)) + "\r\n";
		RawHttp.Response response = RawHttp.exchange(this.emulator, RawHttp.chunked(
				"/2018-06-01/runtime/invocation/" + requestId + "/response", streamingHeaders("text/plain"), trailers,
				"partial "));
		assertThat(response.status()).isEqualTo(202);
		InvokeResult invoked = result.get(5, TimeUnit.SECONDS);
		assertThat(invoked.functionError()).isEqualTo("Unhandled");
		assertThat(invoked.payloadAsString()).isEqualTo(error);
		RuntimeRequest recorded = this.emulator.runtimeRequests().get(1);
		assertThat(recorded.bodyAsString()).isEqualTo("partial ");
		assertThat(recorded.trailer("lambda-runtime-function-error-type")).isEqualTo("java.io.IOException");
	}

	@Test
	void snapStartRuntimeMustRestoreFirst() throws Exception {
		this.emulator.close();
		this.emulator = LambdaEmulator.builder().snapStart(true).build().start();
		TestRuntime runtime = new TestRuntime(this.emulator);
		CompletableFuture<InvokeResult> result = invokeAsync();
		HttpResponse<String> early = runtime.next();
		assertThat(early.statusCode()).isEqualTo(403);
		assertThat(TestJson.parse(early.body())).containsEntry("errorType", "InvalidStateTransition");
		HttpResponse<String> restore = runtime.get("/runtime/restore/next");
		assertThat(restore.statusCode()).isEqualTo(200);
		assertThat(restore.body()).isEmpty();
		assertThat(runtime.get("/runtime/restore/next").statusCode()).isEqualTo(403);
		HttpResponse<String> next = runtime.next();
		assertThat(next.statusCode()).isEqualTo(200);
		runtime.respond(TestRuntime.requestId(next), "restored");
		assertThat(result.get(5, TimeUnit.SECONDS).payloadAsString()).isEqualTo("restored");
	}

	@Test
	void restoreIsRefusedWithoutSnapStart() {
		assertThat(new TestRuntime(this.emulator).get("/runtime/restore/next").statusCode()).isEqualTo(403);
	}

	@Test
	void restoreErrorIsRecordedAndServedToTheInvoke() throws Exception {
		this.emulator.close();
		this.emulator = LambdaEmulator.builder().snapStart(true).build().start();
		TestRuntime runtime = new TestRuntime(this.emulator);
		CompletableFuture<InvokeResult> result = invokeAsync();
		assertThat(runtime.post("/runtime/restore/error", "{}".getBytes()).statusCode()).isEqualTo(403);
		runtime.get("/runtime/restore/next");
		String error = "{\"errorMessage\":\"hook failed\",\"errorType\":\"Runtime.AfterRestoreError\"}";
		assertThat(runtime.post("/runtime/restore/error", error.getBytes(StandardCharsets.UTF_8),
				"Lambda-Runtime-Function-Error-Type", "Runtime.AfterRestoreError").statusCode()).isEqualTo(202);
		assertThat(this.emulator.restoreError()).contains(new RuntimeError("Runtime.AfterRestoreError", error));
		InvokeResult invoked = result.get(5, TimeUnit.SECONDS);
		assertThat(invoked.functionError()).isEqualTo("Unhandled");
		assertThat(invoked.payloadAsString()).isEqualTo(error);
	}

	private Map<String, String> streamingHeaders(String contentType) {
		return Map.of("Lambda-Runtime-Function-Response-Mode", "streaming", "Content-Type", contentType, "Trailer",
				"Lambda-Runtime-Function-Error-Type, Lambda-Runtime-Function-Error-Body");
	}

	private CompletableFuture<InvokeResult> invokeAsync() {
		return CompletableFuture.supplyAsync(() -> this.emulator.invoke("{}"));
	}
}
