package dev.lambdaruntime.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import dev.lambdaruntime.api.ScriptedServer.RecordedRequest;

import org.springframework.test.json.JsonContent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIOException;

/**
 * Tests for {@link RuntimeApiClient}: what each call sends and how it reads the answer.
 */
@Timeout(20)
class RuntimeApiClientTests {

	private static final String ACCEPTED = ScriptedServer.response(202, "{\"status\":\"OK\"}");

	private static final Invocation INVOCATION = invocation("8476a536-e9f4-11e8-9739-2dfe598c3fcd", null);

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
	void nextSendsGetWithHostAndUserAgent() throws Exception {
		this.server.enqueue(ScriptedServer.response(200, "{}", "Lambda-Runtime-Aws-Request-Id: r1"));
		this.client.next();
		RecordedRequest request = this.server.takeRequest();
		assertThat(request.requestLine()).isEqualTo("GET /2018-06-01/runtime/invocation/next HTTP/1.1");
		assertThat(request.header("Host")).isEqualTo(this.server.endpoint());
		assertThat(request.header("User-Agent")).matches("lambda-runtime-spring-boot/\\S+");
		assertThat(request.header("Content-Length")).isNull();
		assertThat(request.body()).isEmpty();
	}

	@Test
	void nextReadsEveryHeaderIntoTheInvocation() throws Exception {
		String payload = "{\"name\":\"Grace\",\"crlf\":\"\\r\\n\"}";
		this.server.enqueue(ScriptedServer.response(200, payload, "Content-Type: application/json",
				"Lambda-Runtime-Aws-Request-Id: 8476a536-e9f4-11e8-9739-2dfe598c3fcd",
				"Lambda-Runtime-Deadline-Ms: 1542409706888",
				"Lambda-Runtime-Invoked-Function-Arn: arn:aws:lambda:us-east-2:123456789012:function:custom-runtime",
				"Lambda-Runtime-Trace-Id: Root=1-5bef4de7-ad49b0e87f6ef6c87fc2e700;Parent=9a9197af755a6419;Sampled=1",
				"Lambda-Runtime-Client-Context: {\"client\":{\"app_title\":\"Caf\u00e9\"}}",
				"Lambda-Runtime-Cognito-Identity: {\"cognitoIdentityId\":\"id-1\",\"cognitoIdentityPoolId\":\"p-1\"}",
				"Lambda-Runtime-Aws-Tenant-Id: tenant-42", "Lambda-Runtime-Invocation-Id: inv-7"));
		Invocation invocation = this.client.next();
		assertThat(invocation.requestId()).isEqualTo("8476a536-e9f4-11e8-9739-2dfe598c3fcd");
		assertThat(invocation.deadlineMs()).isEqualTo(1542409706888L);
		assertThat(invocation.invokedFunctionArn())
			.isEqualTo("arn:aws:lambda:us-east-2:123456789012:function:custom-runtime");
		assertThat(invocation.traceId())
			.isEqualTo("Root=1-5bef4de7-ad49b0e87f6ef6c87fc2e700;Parent=9a9197af755a6419;Sampled=1");
		assertThat(invocation.clientContext()).isEqualTo("{\"client\":{\"app_title\":\"Caf\u00e9\"}}");
		assertThat(invocation.cognitoIdentity())
			.isEqualTo("{\"cognitoIdentityId\":\"id-1\",\"cognitoIdentityPoolId\":\"p-1\"}");
		assertThat(invocation.tenantId()).isEqualTo("tenant-42");
		assertThat(invocation.invocationId()).isEqualTo("inv-7");
		assertThat(invocation.contentType()).isEqualTo("application/json");
		assertThat(invocation.payload()).isEqualTo(payload.getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void nextReadsHeaderNamesInAnyCase() throws Exception {
		this.server.enqueue(ScriptedServer.response(200, "x", "lambda-runtime-aws-request-id: r2",
				"LAMBDA-RUNTIME-DEADLINE-MS: 42", "lambda-runtime-trace-id: Root=1", "content-type: text/plain"));
		Invocation invocation = this.client.next();
		assertThat(invocation.requestId()).isEqualTo("r2");
		assertThat(invocation.deadlineMs()).isEqualTo(42);
		assertThat(invocation.traceId()).isEqualTo("Root=1");
		assertThat(invocation.contentType()).isEqualTo("text/plain");
	}

	@Test
	void nextLeavesAbsentHeadersEmpty() throws Exception {
		this.server.enqueue(ScriptedServer.response(200, "", "Lambda-Runtime-Aws-Request-Id: r3"));
		Invocation invocation = this.client.next();
		assertThat(invocation.requestId()).isEqualTo("r3");
		assertThat(invocation.deadlineMs()).isZero();
		assertThat(invocation.invokedFunctionArn()).isNull();
		assertThat(invocation.traceId()).isNull();
		assertThat(invocation.clientContext()).isNull();
		assertThat(invocation.cognitoIdentity()).isNull();
		assertThat(invocation.tenantId()).isNull();
		assertThat(invocation.invocationId()).isNull();
		assertThat(invocation.contentType()).isNull();
		assertThat(invocation.payload()).isEmpty();
	}

	@Test
	void nextWithoutRequestIdFails() {
		this.server.enqueue(ScriptedServer.response(200, "{}", "Lambda-Runtime-Deadline-Ms: 1"));
		assertThatIOException().isThrownBy(this.client::next).withMessageContaining("Lambda-Runtime-Aws-Request-Id");
	}

	@ParameterizedTest
	@ValueSource(strings = { "soon", "-1", "12.5", "99999999999999999999" })
	void nextWithMalformedDeadlineFails(String deadline) {
		this.server.enqueue(ScriptedServer.response(200, "{}", "Lambda-Runtime-Aws-Request-Id: r",
				"Lambda-Runtime-Deadline-Ms: " + deadline));
		assertThatIOException().isThrownBy(this.client::next)
			.withMessageContaining("Lambda-Runtime-Deadline-Ms")
			.withMessageContaining(deadline);
	}

	@ParameterizedTest
	@ValueSource(ints = { 403, 500 })
	void nextOtherThan200FailsWithStatusAndApiError(int status) {
		this.server.enqueue(ScriptedServer.response(status,
				"{\"errorMessage\":\"State transition is not allowed\",\"errorType\":\"InvalidStateTransition\"}"));
		assertThatExceptionOfType(RuntimeApiException.class).isThrownBy(this.client::next)
			.withMessageContaining(Integer.toString(status))
			.withMessageContaining("State transition is not allowed")
			.withMessageContaining("InvalidStateTransition")
			.satisfies((ex) -> assertThat(ex.status()).isEqualTo(status))
			.satisfies((ex) -> assertThat(ex.isContainerError()).isEqualTo(status >= 500));
	}

	@Test
	void respondPostsBodyWithContentType() throws Exception {
		this.server.enqueue(ACCEPTED);
		byte[] body = "{\"greeting\":\"Hello, \u00e9\"}".getBytes(StandardCharsets.UTF_8);
		ResponseOutcome outcome = this.client.respond(INVOCATION, body, "application/json");
		assertThat(outcome).isEqualTo(ResponseOutcome.ACCEPTED);
		RecordedRequest request = this.server.takeRequest();
		assertThat(request.requestLine())
			.isEqualTo("POST /2018-06-01/runtime/invocation/8476a536-e9f4-11e8-9739-2dfe598c3fcd/response HTTP/1.1");
		assertThat(request.header("Host")).isEqualTo(this.server.endpoint());
		assertThat(request.header("User-Agent")).startsWith("lambda-runtime-spring-boot/");
		assertThat(request.header("Content-Type")).isEqualTo("application/json");
		assertThat(request.header("Content-Length")).isEqualTo(Integer.toString(body.length));
		assertThat(request.body()).isEqualTo(body);
		assertThat(request.headerNames()).doesNotContain("Lambda-Runtime-Invocation-Id");
	}

	@Test
	void respondWithoutContentTypeSendsNone() throws Exception {
		this.server.enqueue(ACCEPTED);
		this.client.respond(INVOCATION, new byte[0], null);
		RecordedRequest request = this.server.takeRequest();
		assertThat(request.header("Content-Type")).isNull();
		assertThat(request.header("Content-Length")).isEqualTo("0");
	}

	@Test
	void respondEchoesInvocationId() throws Exception {
		this.server.enqueue(ACCEPTED);
		this.client.respond(invocation("r1", "inv-1"), new byte[] { 1 }, "application/octet-stream");
		assertThat(this.server.takeRequest().headers("Lambda-Runtime-Invocation-Id")).containsExactly("inv-1");
	}

	@Test
	void respondSendsLargeBodyWhole() throws Exception {
		this.server.enqueue(ACCEPTED);
		byte[] body = new byte[200_000];
		for (int i = 0; i < body.length; i++) {
			body[i] = (byte) i;
		}
		this.client.respond(INVOCATION, body, "application/octet-stream");
		assertThat(this.server.takeRequest().body()).isEqualTo(body);
	}

	@Test
	void respondEncodesUnsafeRequestIdInPath() throws Exception {
		this.server.enqueue(ACCEPTED);
		this.client.respond(invocation("../a b/\r\nX: \u00e9", null), new byte[0], null);
		assertThat(this.server.takeRequest().requestLine())
			.isEqualTo("POST /2018-06-01/runtime/invocation/..%2Fa%20b%2F%0D%0AX%3A%20%C3%A9/response HTTP/1.1");
	}

	@ParameterizedTest
	@CsvSource({ "202, ACCEPTED", "413, PAYLOAD_TOO_LARGE", "410, INVOCATION_GONE", "400, REJECTED",
			"403, REJECTED" })
	void respondMapsStatus(int status, ResponseOutcome expected) throws Exception {
		this.server.enqueue(ScriptedServer.response(status, "{\"errorMessage\":\"m\",\"errorType\":\"t\"}"));
		assertThat(this.client.respond(INVOCATION, new byte[] { 1 }, null)).isEqualTo(expected);
	}

	@ParameterizedTest
	@CsvSource({ "202, ACCEPTED", "413, PAYLOAD_TOO_LARGE", "410, INVOCATION_GONE", "400, REJECTED",
			"403, REJECTED" })
	void reportErrorMapsStatus(int status, ResponseOutcome expected) throws Exception {
		this.server.enqueue(ScriptedServer.response(status, "{\"errorMessage\":\"m\",\"errorType\":\"t\"}"));
		assertThat(this.client.reportError(INVOCATION, ErrorReport.of("T", "m"))).isEqualTo(expected);
	}

	@ParameterizedTest
	@ValueSource(ints = { 500, 502, 200, 404 })
	void respondFailsOnOtherStatuses(int status) {
		this.server.enqueue(ScriptedServer.response(status,
				"{\"errorMessage\":\"Container is gone\",\"errorType\":\"Runtime.ContainerError\"}"));
		assertThatExceptionOfType(RuntimeApiException.class)
			.isThrownBy(() -> this.client.respond(INVOCATION, new byte[] { 1 }, null))
			.withMessageContaining("/response")
			.withMessageContaining(Integer.toString(status))
			.withMessageContaining("Container is gone")
			.satisfies((ex) -> assertThat(ex.status()).isEqualTo(status));
	}

	@Test
	void reportErrorFailsOnContainerError() {
		this.server.enqueue(ScriptedServer.response(500, "{\"errorMessage\":\"boom\",\"errorType\":\"E\"}"));
		assertThatExceptionOfType(RuntimeApiException.class)
			.isThrownBy(() -> this.client.reportError(INVOCATION, ErrorReport.of("T", "m")))
			.satisfies((ex) -> assertThat(ex.isContainerError()).isTrue())
			.withMessageContaining("boom");
	}

	@Test
	void reportErrorPostsErrorJsonWithErrorType() throws Exception {
		this.server.enqueue(ACCEPTED);
		ErrorReport error = ErrorReport.of(new IllegalStateException("no \"greeting\"\nhere"));
		ResponseOutcome outcome = this.client.reportError(INVOCATION, error);
		assertThat(outcome).isEqualTo(ResponseOutcome.ACCEPTED);
		RecordedRequest request = this.server.takeRequest();
		assertThat(request.requestLine())
			.isEqualTo("POST /2018-06-01/runtime/invocation/8476a536-e9f4-11e8-9739-2dfe598c3fcd/error HTTP/1.1");
		assertThat(request.header("Lambda-Runtime-Function-Error-Type")).isEqualTo("java.lang.IllegalStateException");
		assertThat(request.header("Content-Type")).isEqualTo("application/vnd.aws.lambda.error+json");
		assertThat(request.header("User-Agent")).startsWith("lambda-runtime-spring-boot/");
		assertThat(request.headerNames()).doesNotContain("Lambda-Runtime-Invocation-Id");
		JsonNode json = JsonMapper.builder().build().readTree(request.body());
		assertThat(json.get("errorType").asString()).isEqualTo("java.lang.IllegalStateException");
		assertThat(json.get("errorMessage").asString()).isEqualTo("no \"greeting\"\nhere");
		assertThat(json.get("stackTrace").get(0).asString()).contains("RuntimeApiClientTests");
	}

	@Test
	void reportErrorEchoesInvocationId() throws Exception {
		this.server.enqueue(ACCEPTED);
		this.client.reportError(invocation("r1", "inv-9"), ErrorReport.of("T", "m"));
		assertThat(this.server.takeRequest().headers("Lambda-Runtime-Invocation-Id")).containsExactly("inv-9");
	}

	@Test
	void reportErrorCannotInjectHeaders() throws Exception {
		this.server.enqueue(ACCEPTED);
		this.client.reportError(invocation("r1", "inv\r\nX-Id: 1"),
				ErrorReport.of("Evil\r\nX-Injected: yes\r\n\r\n", "m"));
		RecordedRequest request = this.server.takeRequest();
		assertThat(request.headerNames()).doesNotContain("X-Injected", "X-Id");
		assertThat(request.header("Lambda-Runtime-Function-Error-Type")).isEqualTo("Evil  X-Injected: yes");
		assertThat(request.header("Lambda-Runtime-Invocation-Id")).isEqualTo("inv  X-Id: 1");
		assertThat(request.header("Content-Type")).isEqualTo(ContentTypes.LAMBDA_ERROR);
		assertThat(new JsonContent(request.bodyText())).extractingPath("$.errorMessage").isEqualTo("m");
	}

	@Test
	void respondCannotInjectHeadersThroughContentType() throws Exception {
		this.server.enqueue(ACCEPTED);
		this.client.respond(INVOCATION, new byte[] { 1 }, "text/plain\r\nX-Injected: yes");
		RecordedRequest request = this.server.takeRequest();
		assertThat(request.headerNames()).doesNotContain("X-Injected");
		assertThat(request.header("Content-Type")).isEqualTo("text/plain  X-Injected: yes");
	}

	@Test
	void reportInitErrorPostsErrorJson() throws Exception {
		this.server.enqueue(ACCEPTED);
		this.client.reportInitError(LambdaErrorType.BAD_FUNCTION_CODE,
				ErrorReport.of("Runtime.BadFunctionCode", "no function named 'greet'"));
		RecordedRequest request = this.server.takeRequest();
		assertThat(request.requestLine()).isEqualTo("POST /2018-06-01/runtime/init/error HTTP/1.1");
		assertThat(request.header("Lambda-Runtime-Function-Error-Type")).isEqualTo("Runtime.BadFunctionCode");
		assertThat(request.header("Content-Type")).isEqualTo(ContentTypes.LAMBDA_ERROR);
		assertThat(request.header("User-Agent")).startsWith("lambda-runtime-spring-boot/");
		assertThat(request.header("Content-Length")).isEqualTo(Integer.toString(request.body().length));
		JsonNode json = JsonMapper.builder().build().readTree(request.body());
		assertThat(json.get("errorType").asString()).isEqualTo("Runtime.BadFunctionCode");
		assertThat(json.get("errorMessage").asString()).isEqualTo("no function named 'greet'");
	}

	@Test
	void reportInitErrorSendsItsTypeInTheHeaderAndTheExceptionInTheBody() throws Exception {
		this.server.enqueue(ACCEPTED);
		this.client.reportInitError(LambdaErrorType.BEFORE_CHECKPOINT_ERROR,
				ErrorReport.of(new IOException("cannot prime")));
		RecordedRequest request = this.server.takeRequest();
		assertThat(request.header("Lambda-Runtime-Function-Error-Type")).isEqualTo("Runtime.BeforeCheckpointError");
		JsonNode json = JsonMapper.builder().build().readTree(request.body());
		assertThat(json.get("errorType").asString()).isEqualTo("java.io.IOException");
		assertThat(json.get("errorMessage").asString()).isEqualTo("cannot prime");
	}

	@ParameterizedTest
	@ValueSource(ints = { 200, 403, 500 })
	void reportInitErrorFailsOtherThan202(int status) {
		this.server.enqueue(ScriptedServer.response(status, "{\"errorMessage\":\"m\",\"errorType\":\"Forbidden\"}"));
		assertThatExceptionOfType(RuntimeApiException.class)
			.isThrownBy(() -> this.client.reportInitError(LambdaErrorType.BAD_FUNCTION_CODE, ErrorReport.of("T", "m")))
			.withMessageContaining("/runtime/init/error")
			.withMessageContaining("Forbidden")
			.satisfies((ex) -> assertThat(ex.status()).isEqualTo(status));
	}

	@Test
	void restoreNextSendsGet() throws Exception {
		this.server.enqueue(ScriptedServer.response(200, ""));
		this.client.restoreNext();
		RecordedRequest request = this.server.takeRequest();
		assertThat(request.requestLine()).isEqualTo("GET /2018-06-01/runtime/restore/next HTTP/1.1");
		assertThat(request.header("User-Agent")).startsWith("lambda-runtime-spring-boot/");
		assertThat(request.header("Host")).isEqualTo(this.server.endpoint());
	}

	@Test
	void restoreNextFailsOtherThan200() {
		this.server.enqueue(ScriptedServer.response(403, "{\"errorMessage\":\"not first\",\"errorType\":\"E\"}"));
		assertThatExceptionOfType(RuntimeApiException.class).isThrownBy(this.client::restoreNext)
			.withMessageContaining("403")
			.withMessageContaining("not first");
	}

	@Test
	void reportRestoreErrorPostsErrorJson() throws Exception {
		this.server.enqueue(ACCEPTED);
		this.client.reportRestoreError(new ErrorReport("Runtime.AfterRestoreError", "stale", List.of(), null));
		RecordedRequest request = this.server.takeRequest();
		assertThat(request.requestLine()).isEqualTo("POST /2018-06-01/runtime/restore/error HTTP/1.1");
		assertThat(request.header("Lambda-Runtime-Function-Error-Type")).isEqualTo("Runtime.AfterRestoreError");
		assertThat(request.header("Content-Type")).isEqualTo(ContentTypes.LAMBDA_ERROR);
		JsonNode json = JsonMapper.builder().build().readTree(request.body());
		assertThat(json.get("errorType").asString()).isEqualTo("Runtime.AfterRestoreError");
		assertThat(json.get("errorMessage").asString()).isEqualTo("stale");
	}

	@Test
	void reportRestoreErrorFailsOtherThan202() {
		this.server.enqueue(ScriptedServer.response(500, "{\"errorMessage\":\"m\",\"errorType\":\"E\"}"));
		assertThatExceptionOfType(RuntimeApiException.class)
			.isThrownBy(() -> this.client.reportRestoreError(ErrorReport.of("T", "m")))
			.withMessageContaining("/runtime/restore/error")
			.satisfies((ex) -> assertThat(ex.status()).isEqualTo(500));
	}

	@Test
	void readsChunkedBodyWithExtensionsAndTrailersThenKeepsConnection() throws Exception {
		this.server.enqueue(ScriptedServer.lines("HTTP/1.1 200 OK", "Transfer-Encoding: chunked",
				"Lambda-Runtime-Aws-Request-Id: chunky", "", "5;ext=1", "Hello", "2 ; name=\"quoted\"", ", ",
				"6", "world!", "0", "Trailer-One: a", "Trailer-Two: b", "", ""));
		this.server.enqueue(ScriptedServer.response(200, "second", "Lambda-Runtime-Aws-Request-Id: r2"));
		Invocation first = this.client.next();
		Invocation second = this.client.next();
		assertThat(new String(first.payload(), StandardCharsets.UTF_8)).isEqualTo("Hello, world!");
		assertThat(first.requestId()).isEqualTo("chunky");
		assertThat(new String(second.payload(), StandardCharsets.UTF_8)).isEqualTo("second");
		assertThat(this.server.connectionCount()).isOne();
	}

	@Test
	void readsBinaryContentLengthBody() throws Exception {
		byte[] payload = new byte[70_000];
		for (int i = 0; i < payload.length; i++) {
			payload[i] = (byte) (i * 31);
		}
		byte[] head = ScriptedServer.lines("HTTP/1.1 200 OK", "Lambda-Runtime-Aws-Request-Id: bin",
				"Content-Length: " + payload.length, "", "")
			.getBytes(StandardCharsets.US_ASCII);
		byte[] raw = new byte[head.length + payload.length];
		System.arraycopy(head, 0, raw, 0, head.length);
		System.arraycopy(payload, 0, raw, head.length, payload.length);
		this.server.enqueue(raw);
		assertThat(this.client.next().payload()).isEqualTo(payload);
	}

	@Test
	void rejectsMalformedStatusLine() {
		this.server.enqueue(ScriptedServer.lines("HTTP/1.1 OK", "Content-Length: 0", "", ""));
		assertThatIOException().isThrownBy(this.client::next).withMessageContaining("malformed status line");
	}

	@Test
	void rejectsMalformedHeader() {
		this.server.enqueue(ScriptedServer.lines("HTTP/1.1 200 OK", "Lambda-Runtime-Aws-Request-Id r1",
				"Content-Length: 0", "", ""));
		assertThatIOException().isThrownBy(this.client::next)
			.withMessage("invalid character in header name 'Lambda-Runtime-Aws-Request-Id r1'");
	}

	@Test
	void rejectsOversizeHeaders() {
		String line = "X-Filler: " + "f".repeat(1000);
		String[] lines = new String[70];
		lines[0] = "HTTP/1.1 200 OK";
		for (int i = 1; i < lines.length; i++) {
			lines[i] = line;
		}
		this.server.enqueue(ScriptedServer.lines(lines) + "\r\nContent-Length: 0\r\n\r\n");
		assertThatIOException().isThrownBy(this.client::next).withMessageContaining("larger than 65536 bytes");
	}

	@Test
	void closesConnectionWhenServerAsks() throws Exception {
		this.server
			.enqueue(ScriptedServer.response(200, "a", "Lambda-Runtime-Aws-Request-Id: r1", "Connection: close"));
		this.server.enqueue(ScriptedServer.response(200, "b", "Lambda-Runtime-Aws-Request-Id: r2"));
		this.client.next();
		this.client.next();
		assertThat(this.server.takeRequest().connection()).isEqualTo(1);
		assertThat(this.server.takeRequest().connection()).isEqualTo(2);
	}

	private static Invocation invocation(String requestId, @Nullable String invocationId) {
		return Invocation.builder(requestId, new byte[0]).invocationId(invocationId).build();
	}

}
