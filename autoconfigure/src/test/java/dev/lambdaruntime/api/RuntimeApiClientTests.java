package dev.lambdaruntime.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import dev.lambdaruntime.emulator.Endpoint;
import dev.lambdaruntime.emulator.Fault;
import dev.lambdaruntime.emulator.InvokeRequest;
import dev.lambdaruntime.emulator.InvokeResult;
import dev.lambdaruntime.emulator.LambdaEmulator;
import dev.lambdaruntime.emulator.RuntimeRequest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.test.json.JsonContent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIOException;

/**
 * Tests for {@link RuntimeApiClient} against the emulator: what each call sends, and how it reads the answer,
 * including the answers the emulator gives only when told to ({@link Fault}).
 */
@Timeout(30)
class RuntimeApiClientTests {

	private static final Invocation UNKNOWN = invocation("8476a536-e9f4-11e8-9739-2dfe598c3fcd", null);

	private final LambdaEmulator emulator = LambdaEmulator.builder().timeout(Duration.ofSeconds(20)).build().start();

	private final RuntimeApiClient client = new RuntimeApiClient(this.emulator.runtimeApi());

	@AfterEach
	void stop() {
		this.client.close();
		this.emulator.close();
	}

	@Test
	void nextSendsGetWithHostAndUserAgent() throws Exception {
		handOut("{}");
		RuntimeRequest request = take();
		assertThat(request.method() + " " + request.path()).isEqualTo("GET /2018-06-01/runtime/invocation/next");
		assertThat(request.header("Host")).isEqualTo(this.emulator.runtimeApi());
		assertThat(request.header("User-Agent")).matches("lambda-runtime-spring-boot/\\S+");
		assertThat(request.header("Content-Length")).isNull();
		assertThat(request.body()).isEmpty();
	}

	@Test
	void nextReadsTheEventAndLambdasHeaders() throws Exception {
		CompletableFuture<InvokeResult> result = invokeAsync(InvokeRequest.of("{\"name\":\"Grace\"}")
			.withClientContext("{\"client\":{\"app_title\":\"Caf\u00e9\"}}")
			.withTenantId("tenant-42"));
		Invocation invocation = this.client.next();
		assertThat(invocation.payload()).isEqualTo("{\"name\":\"Grace\"}".getBytes(StandardCharsets.UTF_8));
		assertThat(invocation.deadlineMs()).isGreaterThan(System.currentTimeMillis());
		assertThat(invocation.invokedFunctionArn()).isEqualTo("arn:aws:lambda:us-east-1:000000000000:function:function");
		assertThat(invocation.traceId()).startsWith("Root=1-");
		assertThat(invocation.clientContext()).isEqualTo("{\"client\":{\"app_title\":\"Caf\u00e9\"}}");
		assertThat(invocation.tenantId()).isEqualTo("tenant-42");
		assertThat(invocation.contentType()).isEqualTo("application/json");
		assertThat(this.client.respond(invocation, new byte[] { '1' }, null)).isEqualTo(ResponseOutcome.ACCEPTED);
		assertThat(result.get(5, TimeUnit.SECONDS).requestId()).isEqualTo(invocation.requestId());
	}

	@ParameterizedTest
	@ValueSource(ints = { 403, 429, 500, 502 })
	void nextOtherThan200FailsWithStatusAndApiError(int status) {
		this.emulator.faults().next(Endpoint.NEXT, Fault.status(status));
		assertThatExceptionOfType(RuntimeApiException.class).isThrownBy(this.client::next)
			.withMessageContaining(Integer.toString(status))
			.withMessageContaining("Fault injected by the Lambda emulator: status:" + status + " on next")
			.withMessageContaining("Emulator.InjectedFault")
			.satisfies((ex) -> assertThat(ex.status()).isEqualTo(status))
			.satisfies((ex) -> assertThat(ex.isContainerError()).isEqualTo(status >= 500));
	}

	@Test
	void respondPostsBodyWithContentType() throws Exception {
		Invocation invocation = handOut("{}");
		byte[] body = "{\"greeting\":\"Hello, \u00e9\"}".getBytes(StandardCharsets.UTF_8);
		assertThat(this.client.respond(invocation, body, "application/json")).isEqualTo(ResponseOutcome.ACCEPTED);
		RuntimeRequest request = takeAfterNext();
		assertThat(request.method() + " " + request.path())
			.isEqualTo("POST /2018-06-01/runtime/invocation/" + invocation.requestId() + "/response");
		assertThat(request.header("Host")).isEqualTo(this.emulator.runtimeApi());
		assertThat(request.header("User-Agent")).startsWith("lambda-runtime-spring-boot/");
		assertThat(request.header("Content-Type")).isEqualTo("application/json");
		assertThat(request.header("Content-Length")).isEqualTo(Integer.toString(body.length));
		assertThat(request.body()).isEqualTo(body);
		assertThat(request.headers()).doesNotContainKey("Lambda-Runtime-Invocation-Id");
	}

	@Test
	void respondWithoutContentTypeSendsNone() throws Exception {
		this.client.respond(UNKNOWN, new byte[0], null);
		RuntimeRequest request = take();
		assertThat(request.header("Content-Type")).isNull();
		assertThat(request.header("Content-Length")).isEqualTo("0");
	}

	@Test
	void respondAndReportErrorEchoTheInvocationId() throws Exception {
		this.client.respond(invocation("r1", "inv-1"), new byte[] { 1 }, "application/octet-stream");
		assertThat(take().header("Lambda-Runtime-Invocation-Id")).isEqualTo("inv-1");
		this.client.reportError(invocation("r1", "inv-9"), ErrorReport.of("T", "m"));
		assertThat(take().header("Lambda-Runtime-Invocation-Id")).isEqualTo("inv-9");
	}

	@Test
	void respondSendsLargeBodyWhole() throws Exception {
		byte[] body = new byte[200_000];
		for (int i = 0; i < body.length; i++) {
			body[i] = (byte) i;
		}
		this.client.respond(UNKNOWN, body, "application/octet-stream");
		assertThat(take().body()).isEqualTo(body);
	}

	@Test
	void respondEncodesUnsafeRequestIdInPath() throws Exception {
		this.client.respond(invocation("../a b/\r\nX: \u00e9", null), new byte[0], null);
		assertThat(take().path())
			.isEqualTo("/2018-06-01/runtime/invocation/..%2Fa%20b%2F%0D%0AX%3A%20%C3%A9/response");
	}

	@Test
	void respondMapsWhatTheApiAnswers() throws Exception {
		Invocation invocation = handOut("{}");
		assertThat(this.client.respond(invocation, new byte[] { 1 }, null)).isEqualTo(ResponseOutcome.ACCEPTED);
		assertThat(this.client.respond(invocation, new byte[] { 2 }, null)).isEqualTo(ResponseOutcome.REJECTED);
		assertThat(this.client.respond(UNKNOWN, new byte[] { 1 }, null)).isEqualTo(ResponseOutcome.REJECTED);
		Invocation large = handOut("{}");
		assertThat(this.client.respond(large, new byte[6 * 1024 * 1024 + 101], null))
			.isEqualTo(ResponseOutcome.PAYLOAD_TOO_LARGE);
		this.emulator.faults().next(Endpoint.RESPONSE, Fault.status(410));
		assertThat(this.client.respond(handOut("{}"), new byte[] { 1 }, null))
			.isEqualTo(ResponseOutcome.INVOCATION_GONE);
	}

	@Test
	void reportErrorMapsWhatTheApiAnswers() throws Exception {
		Invocation invocation = handOut("{}");
		assertThat(this.client.reportError(invocation, ErrorReport.of("T", "m"))).isEqualTo(ResponseOutcome.ACCEPTED);
		assertThat(this.client.reportError(invocation, ErrorReport.of("T", "m"))).isEqualTo(ResponseOutcome.REJECTED);
		this.emulator.faults()
			.next(Endpoint.ERROR, Fault.status(410))
			.next(Endpoint.ERROR, Fault.status(413))
			.next(Endpoint.ERROR, Fault.status(400));
		assertThat(this.client.reportError(UNKNOWN, ErrorReport.of("T", "m"))).isEqualTo(ResponseOutcome.INVOCATION_GONE);
		assertThat(this.client.reportError(UNKNOWN, ErrorReport.of("T", "m")))
			.isEqualTo(ResponseOutcome.PAYLOAD_TOO_LARGE);
		assertThat(this.client.reportError(UNKNOWN, ErrorReport.of("T", "m"))).isEqualTo(ResponseOutcome.REJECTED);
	}

	@ParameterizedTest
	@ValueSource(ints = { 404, 429, 500, 502 })
	void respondAndReportErrorFailOnOtherStatuses(int status) {
		this.emulator.faults().next(Endpoint.RESPONSE, Fault.status(status)).next(Endpoint.ERROR, Fault.status(status));
		assertThatExceptionOfType(RuntimeApiException.class)
			.isThrownBy(() -> this.client.respond(UNKNOWN, new byte[] { 1 }, null))
			.withMessageContaining("/response")
			.withMessageContaining(Integer.toString(status))
			.withMessageContaining("Fault injected")
			.satisfies((ex) -> assertThat(ex.status()).isEqualTo(status));
		assertThatExceptionOfType(RuntimeApiException.class)
			.isThrownBy(() -> this.client.reportError(UNKNOWN, ErrorReport.of("T", "m")))
			.satisfies((ex) -> assertThat(ex.isContainerError()).isEqualTo(status >= 500))
			.withMessageContaining("/error");
	}

	@Test
	void reportErrorPostsErrorJsonWithErrorType() throws Exception {
		Invocation invocation = handOut("{}");
		ErrorReport error = ErrorReport.of(new IllegalStateException("no \"greeting\"\nhere"));
		assertThat(this.client.reportError(invocation, error)).isEqualTo(ResponseOutcome.ACCEPTED);
		RuntimeRequest request = takeAfterNext();
		assertThat(request.method() + " " + request.path())
			.isEqualTo("POST /2018-06-01/runtime/invocation/" + invocation.requestId() + "/error");
		assertThat(request.header("Lambda-Runtime-Function-Error-Type")).isEqualTo("java.lang.IllegalStateException");
		assertThat(request.header("Content-Type")).isEqualTo("application/vnd.aws.lambda.error+json");
		assertThat(request.header("User-Agent")).startsWith("lambda-runtime-spring-boot/");
		assertThat(request.headers()).doesNotContainKey("Lambda-Runtime-Invocation-Id");
		JsonNode json = JsonMapper.builder().build().readTree(request.body());
		assertThat(json.get("errorType").asString()).isEqualTo("java.lang.IllegalStateException");
		assertThat(json.get("errorMessage").asString()).isEqualTo("no \"greeting\"\nhere");
		assertThat(json.get("stackTrace").get(0).asString()).contains("RuntimeApiClientTests");
	}

	@Test
	void reportErrorCannotInjectHeaders() throws Exception {
		this.client.reportError(invocation("r1", "inv\r\nX-Id: 1"),
				ErrorReport.of("Evil\r\nX-Injected: yes\r\n\r\n", "m"));
		RuntimeRequest request = take();
		assertThat(request.headers()).doesNotContainKeys("X-Injected", "X-Id");
		assertThat(request.header("Lambda-Runtime-Function-Error-Type")).isEqualTo("Evil  X-Injected: yes");
		assertThat(request.header("Lambda-Runtime-Invocation-Id")).isEqualTo("inv  X-Id: 1");
		assertThat(request.header("Content-Type")).isEqualTo(ContentTypes.LAMBDA_ERROR);
		assertThat(new JsonContent(request.bodyAsString())).extractingPath("$.errorMessage").isEqualTo("m");
	}

	@Test
	void respondCannotInjectHeadersThroughContentType() throws Exception {
		this.client.respond(UNKNOWN, new byte[] { 1 }, "text/plain\r\nX-Injected: yes");
		RuntimeRequest request = take();
		assertThat(request.headers()).doesNotContainKey("X-Injected");
		assertThat(request.header("Content-Type")).isEqualTo("text/plain  X-Injected: yes");
	}

	@Test
	void reportInitErrorPostsErrorJson() throws Exception {
		this.client.reportInitError(LambdaErrorType.BAD_FUNCTION_CODE,
				ErrorReport.of("Runtime.BadFunctionCode", "no function named 'greet'"));
		RuntimeRequest request = take();
		assertThat(request.method() + " " + request.path()).isEqualTo("POST /2018-06-01/runtime/init/error");
		assertThat(request.header("Lambda-Runtime-Function-Error-Type")).isEqualTo("Runtime.BadFunctionCode");
		assertThat(request.header("Content-Type")).isEqualTo(ContentTypes.LAMBDA_ERROR);
		assertThat(request.header("User-Agent")).startsWith("lambda-runtime-spring-boot/");
		assertThat(request.header("Content-Length")).isEqualTo(Integer.toString(request.body().length));
		JsonNode json = JsonMapper.builder().build().readTree(request.body());
		assertThat(json.get("errorType").asString()).isEqualTo("Runtime.BadFunctionCode");
		assertThat(json.get("errorMessage").asString()).isEqualTo("no function named 'greet'");
		assertThat(this.emulator.initError().orElseThrow().errorType()).isEqualTo("Runtime.BadFunctionCode");
	}

	@Test
	void reportInitErrorSendsItsTypeInTheHeaderAndTheExceptionInTheBody() throws Exception {
		this.client.reportInitError(LambdaErrorType.BEFORE_CHECKPOINT_ERROR,
				ErrorReport.of(new IOException("cannot prime")));
		RuntimeRequest request = take();
		assertThat(request.header("Lambda-Runtime-Function-Error-Type")).isEqualTo("Runtime.BeforeCheckpointError");
		JsonNode json = JsonMapper.builder().build().readTree(request.body());
		assertThat(json.get("errorType").asString()).isEqualTo("java.io.IOException");
		assertThat(json.get("errorMessage").asString()).isEqualTo("cannot prime");
	}

	@ParameterizedTest
	@ValueSource(ints = { 403, 500 })
	void reportInitErrorFailsOtherThan202(int status) {
		this.emulator.faults().next(Endpoint.INIT_ERROR, Fault.status(status));
		assertThatExceptionOfType(RuntimeApiException.class)
			.isThrownBy(() -> this.client.reportInitError(LambdaErrorType.BAD_FUNCTION_CODE, ErrorReport.of("T", "m")))
			.withMessageContaining("/runtime/init/error")
			.withMessageContaining("Emulator.InjectedFault")
			.satisfies((ex) -> assertThat(ex.status()).isEqualTo(status));
	}

	@Test
	void restoreNextSendsGetAndFailsOtherThan200() throws Exception {
		try (LambdaEmulator snapStart = LambdaEmulator.builder().snapStart(true).build().start();
				RuntimeApiClient restoring = new RuntimeApiClient(snapStart.runtimeApi())) {
			restoring.restoreNext();
			RuntimeRequest request = snapStart.takeRuntimeRequest(Duration.ofSeconds(10));
			assertThat(request.method() + " " + request.path()).isEqualTo("GET /2018-06-01/runtime/restore/next");
			assertThat(request.header("User-Agent")).startsWith("lambda-runtime-spring-boot/");
			assertThat(request.header("Host")).isEqualTo(snapStart.runtimeApi());
			assertThatExceptionOfType(RuntimeApiException.class).isThrownBy(restoring::restoreNext)
				.withMessageContaining("403")
				.withMessageContaining("/runtime/restore/next is allowed once");
		}
	}

	@Test
	void reportRestoreErrorPostsErrorJsonAndFailsOtherThan202() throws Exception {
		try (LambdaEmulator snapStart = LambdaEmulator.builder().snapStart(true).build().start();
				RuntimeApiClient restoring = new RuntimeApiClient(snapStart.runtimeApi())) {
			restoring.restoreNext();
			restoring.reportRestoreError(new ErrorReport("Runtime.AfterRestoreError", "stale", List.of(), null));
			snapStart.takeRuntimeRequest(Duration.ofSeconds(10));
			RuntimeRequest request = snapStart.takeRuntimeRequest(Duration.ofSeconds(10));
			assertThat(request.method() + " " + request.path()).isEqualTo("POST /2018-06-01/runtime/restore/error");
			assertThat(request.header("Lambda-Runtime-Function-Error-Type")).isEqualTo("Runtime.AfterRestoreError");
			assertThat(request.header("Content-Type")).isEqualTo(ContentTypes.LAMBDA_ERROR);
			JsonNode json = JsonMapper.builder().build().readTree(request.body());
			assertThat(json.get("errorType").asString()).isEqualTo("Runtime.AfterRestoreError");
			assertThat(json.get("errorMessage").asString()).isEqualTo("stale");
			assertThatExceptionOfType(RuntimeApiException.class)
				.isThrownBy(() -> restoring.reportRestoreError(ErrorReport.of("T", "m")))
				.withMessageContaining("/runtime/restore/error")
				.satisfies((ex) -> assertThat(ex.status()).isEqualTo(403));
		}
	}

	@Test
	void readsABinaryEventWhole() throws Exception {
		byte[] payload = new byte[70_000];
		for (int i = 0; i < payload.length; i++) {
			payload[i] = (byte) (i * 31);
		}
		invokeAsync(InvokeRequest.of(payload));
		assertThat(this.client.next().payload()).isEqualTo(payload);
	}

	@Test
	void rejectsAMalformedStatusLine() {
		this.emulator.faults().next(Endpoint.INIT_ERROR, Fault.malformedStatusLine());
		assertThatIOException()
			.isThrownBy(() -> this.client.reportInitError(LambdaErrorType.BAD_FUNCTION_CODE, ErrorReport.of("T", "m")))
			.withMessageContaining("malformed status line 'HTTP/1.1 2x02 Accepted'");
	}

	@Test
	void rejectsAMalformedHeader() {
		this.emulator.faults().next(Endpoint.INIT_ERROR, Fault.malformedHeaders());
		assertThatIOException()
			.isThrownBy(() -> this.client.reportInitError(LambdaErrorType.BAD_FUNCTION_CODE, ErrorReport.of("T", "m")))
			.withMessage("invalid character in header name 'Lambda-Runtime-Broken header without a colon'");
	}

	@Test
	void rejectsOversizeHeaders() {
		this.emulator.faults().next(Endpoint.INIT_ERROR, Fault.oversizedHeaders());
		assertThatIOException()
			.isThrownBy(() -> this.client.reportInitError(LambdaErrorType.BAD_FUNCTION_CODE, ErrorReport.of("T", "m")))
			.withMessageContaining("larger than 65536 bytes");
	}

	@Test
	void rejectsBrokenChunking() {
		this.emulator.faults().next(Endpoint.INIT_ERROR, Fault.brokenChunking());
		assertThatIOException()
			.isThrownBy(() -> this.client.reportInitError(LambdaErrorType.BAD_FUNCTION_CODE, ErrorReport.of("T", "m")))
			.withMessageContaining("chunk");
	}

	private Invocation handOut(String payload) throws IOException {
		invokeAsync(InvokeRequest.of(payload));
		return this.client.next();
	}

	private RuntimeRequest take() {
		RuntimeRequest request = this.emulator.takeRuntimeRequest(Duration.ofSeconds(10));
		assertThat(request).as("a request within 10 seconds").isNotNull();
		return request;
	}

	private RuntimeRequest takeAfterNext() {
		assertThat(take().path()).endsWith("/invocation/next");
		return take();
	}

	private CompletableFuture<InvokeResult> invokeAsync(InvokeRequest request) {
		return CompletableFuture.supplyAsync(() -> this.emulator.invoke(request),
				(task) -> new Thread(task, "caller").start());
	}

	private static Invocation invocation(String requestId, @Nullable String invocationId) {
		return Invocation.builder(requestId, new byte[0]).invocationId(invocationId).build();
	}

}
