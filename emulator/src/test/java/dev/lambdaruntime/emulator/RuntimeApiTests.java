package dev.lambdaruntime.emulator;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Runtime API, driven by a test runtime over real HTTP.
 */
class RuntimeApiTests {

	private LambdaEmulator emulator = LambdaEmulator.create().start();

	private TestRuntime runtime = new TestRuntime(this.emulator);

	@AfterEach
	void close() {
		this.emulator.close();
	}

	@Test
	void nextHandsOutTheEventWithLambdasHeaders() throws Exception {
		CompletableFuture<InvokeResult> result = invokeAsync("{\"name\":\"lambda\"}");
		long before = System.currentTimeMillis();
		HttpResponse<String> next = this.runtime.next();
		assertThat(next.statusCode()).isEqualTo(200);
		assertThat(next.body()).isEqualTo("{\"name\":\"lambda\"}");
		String requestId = TestRuntime.requestId(next);
		assertThat(UUID.fromString(requestId)).hasToString(requestId);
		long deadline = Long.parseLong(next.headers().firstValue("Lambda-Runtime-Deadline-Ms").orElseThrow());
		assertThat(deadline).isBetween(before + 29_000, System.currentTimeMillis() + 30_000);
		assertThat(next.headers().firstValue("Lambda-Runtime-Invoked-Function-Arn"))
			.hasValue("arn:aws:lambda:us-east-1:000000000000:function:function");
		assertThat(next.headers().firstValue("Lambda-Runtime-Trace-Id").orElseThrow())
			.matches("Root=1-[0-9a-f]{8}-[0-9a-f]{24};Parent=[0-9a-f]{16};Sampled=0");
		assertThat(next.headers().firstValue("Content-Type")).hasValue("application/json");
		assertThat(next.headers().map()).doesNotContainKeys("lambda-runtime-client-context",
				"lambda-runtime-cognito-identity", "lambda-runtime-aws-tenant-id", "lambda-runtime-invocation-id");
		HttpResponse<String> accepted = this.runtime.respond(requestId, "\"hello lambda\"");
		assertThat(accepted.statusCode()).isEqualTo(202);
		assertThat(TestJson.parse(accepted.body())).isEqualTo(Map.of("status", "OK"));
		InvokeResult invoked = result.get(5, TimeUnit.SECONDS);
		assertThat(invoked.statusCode()).isEqualTo(200);
		assertThat(invoked.payloadAsString()).isEqualTo("\"hello lambda\"");
		assertThat(invoked.functionError()).isNull();
		assertThat(invoked.requestId()).isEqualTo(requestId);
		assertThat(invoked.executedVersion()).isEqualTo("$LATEST");
		assertThat(invoked.logResult()).isNull();
	}

	@Test
	void responseContentTypeReachesTheCaller() throws Exception {
		CompletableFuture<InvokeResult> result = invokeAsync("{}");
		String requestId = TestRuntime.requestId(this.runtime.next());
		this.runtime.post("/runtime/invocation/" + requestId + "/response", "<p/>".getBytes(StandardCharsets.UTF_8),
				"Content-Type", "text/html");
		assertThat(result.get(5, TimeUnit.SECONDS).contentType()).isEqualTo("text/html");
	}

	@Test
	void errorIsUnhandledFunctionErrorWithTheBodyAsPayload() throws Exception {
		CompletableFuture<InvokeResult> result = invokeAsync("{}");
		String requestId = TestRuntime.requestId(this.runtime.next());
		String error = "{\"errorMessage\":\"boom\",\"errorType\":\"java.lang.IllegalStateException\"}";
		assertThat(this.runtime.fail(requestId, "java.lang.IllegalStateException", error).statusCode())
			.isEqualTo(202);
		InvokeResult invoked = result.get(5, TimeUnit.SECONDS);
		assertThat(invoked.statusCode()).isEqualTo(200);
		assertThat(invoked.functionError()).isEqualTo("Unhandled");
		assertThat(invoked.payloadAsString()).isEqualTo(error);
	}

	@Test
	void errorMayCarryAnXRayCauseOfUpTo64KiB() throws Exception {
		CompletableFuture<InvokeResult> result = invokeAsync("{}");
		String requestId = TestRuntime.requestId(this.runtime.next());
		String prefix = "{\"working_directory\":\"/var/task\",\"exceptions\":[],\"paths\":[\"";
		String cause = prefix + "a".repeat(64 * 1024 - prefix.length() - 3) + "\"]}";
		assertThat(cause).hasSize(64 * 1024);
		assertThat(this.runtime.post("/runtime/invocation/" + requestId + "/error", "{}".getBytes(),
				"Lambda-Runtime-Function-Error-Type", "java.lang.IllegalStateException",
				"Lambda-Runtime-Function-XRay-Error-Cause", cause).statusCode()).isEqualTo(202);
		assertThat(result.get(5, TimeUnit.SECONDS).functionError()).isEqualTo("Unhandled");
		this.emulator.takeRuntimeRequest(Duration.ofSeconds(1));
		RuntimeRequest error = this.emulator.takeRuntimeRequest(Duration.ofSeconds(1));
		assertThat(error.header("lambda-runtime-function-xray-error-cause")).isEqualTo(cause);
	}

	@Test
	void unknownRequestIdIs400InvalidRequestId() {
		HttpResponse<String> response = this.runtime.respond("no-such-id", "{}");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(TestJson.parse(response.body())).containsEntry("errorType", "InvalidRequestID")
			.containsKey("errorMessage");
		assertThat(this.runtime.fail("no-such-id", "x", "{}").statusCode()).isEqualTo(400);
	}

	@Test
	void secondAnswerIs403() throws Exception {
		CompletableFuture<InvokeResult> result = invokeAsync("{}");
		String requestId = TestRuntime.requestId(this.runtime.next());
		assertThat(this.runtime.respond(requestId, "1").statusCode()).isEqualTo(202);
		assertThat(this.runtime.respond(requestId, "2").statusCode()).isEqualTo(403);
		assertThat(this.runtime.fail(requestId, "x", "{}").statusCode()).isEqualTo(403);
		assertThat(result.get(5, TimeUnit.SECONDS).payloadAsString()).isEqualTo("1");
	}

	@Test
	void responseOverTheLimitIs413AndTheCallerGetsResponseSizeTooLarge() throws Exception {
		CompletableFuture<InvokeResult> result = invokeAsync("{}");
		String requestId = TestRuntime.requestId(this.runtime.next());
		HttpResponse<String> response = this.runtime.post("/runtime/invocation/" + requestId + "/response",
				new byte[6 * 1024 * 1024 + 101]);
		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(TestJson.parse(response.body())).containsEntry("errorType", "RequestEntityTooLarge");
		InvokeResult invoked = result.get(5, TimeUnit.SECONDS);
		assertThat(invoked.functionError()).isEqualTo("Unhandled");
		Map<String, Object> error = TestJson.parse(invoked.payloadAsString());
		assertThat(error).containsEntry("errorType", "Function.ResponseSizeTooLarge");
		assertThat(error.get("errorMessage")).asString().contains("6291556 bytes");
	}

	@Test
	void responseExactlyAtTheLimitIsAccepted() throws Exception {
		CompletableFuture<InvokeResult> result = invokeAsync("{}");
		String requestId = TestRuntime.requestId(this.runtime.next());
		byte[] body = new byte[6_291_556];
		Arrays.fill(body, (byte) 'x');
		assertThat(this.runtime.post("/runtime/invocation/" + requestId + "/response", body).statusCode())
			.isEqualTo(202);
		assertThat(result.get(5, TimeUnit.SECONDS).payload()).hasSize(6_291_556);
	}

	@Test
	void timeoutAnswersLambdasTimeoutErrorAndRefusesALateAnswer() throws Exception {
		this.emulator.close();
		this.emulator = LambdaEmulator.builder().timeout(Duration.ofMillis(300)).build().start();
		this.runtime = new TestRuntime(this.emulator);
		CompletableFuture<InvokeResult> result = invokeAsync("{}");
		String requestId = TestRuntime.requestId(this.runtime.next());
		InvokeResult invoked = result.get(5, TimeUnit.SECONDS);
		assertThat(invoked.functionError()).isEqualTo("Unhandled");
		Map<String, Object> error = TestJson.parse(invoked.payloadAsString());
		assertThat(error).containsOnlyKeys("errorMessage", "errorType").containsEntry("errorType", "Sandbox.Timedout");
		assertThat(error.get("errorMessage")).asString()
			.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z " + requestId
					+ " Task timed out after 0.30 seconds");
		HttpResponse<String> late = this.runtime.respond(requestId, "late");
		assertThat(late.statusCode()).isEqualTo(410);
		assertThat(TestJson.parse(late.body())).containsEntry("errorType", "InvokeTimeout");
	}

	@Test
	void invokeFailsAfterTheInitLimitAndTheTimeoutWhenNoRuntimeAsks() {
		this.emulator.close();
		this.emulator = LambdaEmulator.builder()
			.timeout(Duration.ofMillis(200))
			.initTimeout(Duration.ofMillis(300))
			.build()
			.start();
		InvokeResult invoked = this.emulator.invoke("{}");
		assertThat(invoked.functionError()).isEqualTo("Unhandled");
		assertThat(invoked.payloadAsString()).contains("Task timed out after 0.20 seconds");
	}

	@Test
	void theTimeoutRunsFromTheMomentTheRuntimeTakesTheEventNotFromTheInvoke() throws Exception {
		this.emulator.close();
		this.emulator = LambdaEmulator.builder().timeout(Duration.ofMillis(100)).build().start();
		this.runtime = new TestRuntime(this.emulator);
		CompletableFuture<InvokeResult> result = invokeAsync("{}");
		// A cold start longer than the timeout, well within the init limit (10 s).
		await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> !result.isDone());
		HttpResponse<String> event = this.runtime.next();
		long deadline = Long.parseLong(event.headers().firstValue("Lambda-Runtime-Deadline-Ms").orElseThrow());
		assertThat(deadline).isGreaterThan(System.currentTimeMillis());
		this.runtime.respond(TestRuntime.requestId(event), "\"in time\"");
		assertThat(result.get(5, TimeUnit.SECONDS).payloadAsString()).isEqualTo("\"in time\"");
	}

	@Test
	void initErrorIsServedToTheFirstInvokeAndTheStateStaysFailed() throws Exception {
		CompletableFuture<InvokeResult> first = invokeAsync("{}");
		String error = "{\"errorMessage\":\"no bean\",\"errorType\":\"Runtime.BadFunctionCode\"}";
		HttpResponse<String> posted = this.runtime.post("/runtime/init/error", error.getBytes(StandardCharsets.UTF_8),
				"Lambda-Runtime-Function-Error-Type", "Runtime.BadFunctionCode");
		assertThat(posted.statusCode()).isEqualTo(202);
		InvokeResult invoked = first.get(5, TimeUnit.SECONDS);
		assertThat(invoked.functionError()).isEqualTo("Unhandled");
		assertThat(invoked.payloadAsString()).isEqualTo(error);
		assertThat(this.emulator.initError()).contains(new RuntimeError("Runtime.BadFunctionCode", error));
		assertThat(this.emulator.invoke("{}").payloadAsString()).isEqualTo(error);
		assertThat(this.runtime.next().statusCode()).isEqualTo(403);
	}

	@Test
	void initErrorAfterTheFirstNextIs403() throws Exception {
		CompletableFuture<InvokeResult> result = invokeAsync("{}");
		String requestId = TestRuntime.requestId(this.runtime.next());
		assertThat(this.runtime.post("/runtime/init/error", new byte[0]).statusCode()).isEqualTo(403);
		this.runtime.respond(requestId, "ok");
		assertThat(result.get(5, TimeUnit.SECONDS).payloadAsString()).isEqualTo("ok");
		assertThat(this.emulator.initError()).isEmpty();
	}

	@Test
	void clientContextAndTenantReachTheRuntime() throws Exception {
		CompletableFuture<InvokeResult> result = CompletableFuture.supplyAsync(() -> this.emulator
			.invoke(InvokeRequest.of("{}").withClientContext("{\"custom\":{\"a\":\"b\"}}").withTenantId("tenant-1")));
		HttpResponse<String> next = this.runtime.next();
		assertThat(next.headers().firstValue("Lambda-Runtime-Client-Context")).hasValue("{\"custom\":{\"a\":\"b\"}}");
		assertThat(next.headers().firstValue("Lambda-Runtime-Aws-Tenant-Id")).hasValue("tenant-1");
		this.runtime.respond(TestRuntime.requestId(next), "{}");
		assertThat(result.get(5, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
	}

	@Test
	void invocationIdMustBeEchoedWhenEnabled() throws Exception {
		this.emulator.close();
		this.emulator = LambdaEmulator.builder().invocationIds(true).build().start();
		this.runtime = new TestRuntime(this.emulator);
		CompletableFuture<InvokeResult> result = invokeAsync("{}");
		HttpResponse<String> next = this.runtime.next();
		String requestId = TestRuntime.requestId(next);
		String invocationId = next.headers().firstValue("Lambda-Runtime-Invocation-Id").orElseThrow();
		HttpResponse<String> missing = this.runtime.respond(requestId, "no echo");
		assertThat(missing.statusCode()).isEqualTo(400);
		assertThat(TestJson.parse(missing.body())).containsEntry("errorType", "InvalidInvocationID");
		assertThat(this.runtime.post("/runtime/invocation/" + requestId + "/response", "wrong".getBytes(),
				"Lambda-Runtime-Invocation-Id", "other").statusCode()).isEqualTo(400);
		assertThat(this.runtime.post("/runtime/invocation/" + requestId + "/response", "echoed".getBytes(),
				"Lambda-Runtime-Invocation-Id", invocationId).statusCode()).isEqualTo(202);
		assertThat(result.get(5, TimeUnit.SECONDS).payloadAsString()).isEqualTo("echoed");
	}

	@Test
	void closeFailsAPendingInvoke() throws Exception {
		CompletableFuture<InvokeResult> result = invokeAsync("{}");
		this.runtime.next();
		this.emulator.close();
		assertThat(result).failsWithin(5, TimeUnit.SECONDS)
			.withThrowableOfType(java.util.concurrent.ExecutionException.class)
			.withCauseInstanceOf(IllegalStateException.class);
	}

	@Test
	void recordsWhatTheRuntimeSent() throws Exception {
		CompletableFuture<InvokeResult> result = invokeAsync("{}");
		String requestId = TestRuntime.requestId(this.runtime.next());
		this.runtime.post("/runtime/invocation/" + requestId + "/response", "done".getBytes(), "X-Custom", "yes");
		result.get(5, TimeUnit.SECONDS);
		RuntimeRequest next = this.emulator.takeRuntimeRequest(Duration.ofSeconds(1));
		assertThat(next.method()).isEqualTo("GET");
		assertThat(next.path()).isEqualTo("/2018-06-01/runtime/invocation/next");
		RuntimeRequest response = this.emulator.takeRuntimeRequest(Duration.ofSeconds(1));
		assertThat(response.path()).isEqualTo("/2018-06-01/runtime/invocation/" + requestId + "/response");
		assertThat(response.bodyAsString()).isEqualTo("done");
		assertThat(response.header("x-custom")).isEqualTo("yes");
		// Both requests were recorded before their answers came back: nothing else can still arrive.
		assertThat(this.emulator.takeRuntimeRequest(Duration.ZERO)).isNull();
		assertThat(this.emulator.runtimeRequests()).containsExactly(next, response);
	}

	private CompletableFuture<InvokeResult> invokeAsync(String payload) {
		return CompletableFuture.supplyAsync(() -> this.emulator.invoke(payload));
	}

}
