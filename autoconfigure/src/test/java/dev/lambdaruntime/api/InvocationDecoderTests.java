package dev.lambdaruntime.api;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

/**
 * Tests for {@link InvocationDecoder}: answers to {@code /next} as bytes, with the headers the emulator never sends.
 */
class InvocationDecoderTests {

	@Test
	void readsEveryHeaderIntoTheInvocation() throws IOException {
		String payload = "{\"name\":\"Grace\",\"crlf\":\"\\r\\n\"}";
		Invocation invocation = decode(payload, "Content-Type: application/json",
				"Lambda-Runtime-Aws-Request-Id: 8476a536-e9f4-11e8-9739-2dfe598c3fcd",
				"Lambda-Runtime-Deadline-Ms: 1542409706888",
				"Lambda-Runtime-Invoked-Function-Arn: arn:aws:lambda:us-east-2:123456789012:function:custom-runtime",
				"Lambda-Runtime-Trace-Id: Root=1-5bef4de7-ad49b0e87f6ef6c87fc2e700;Parent=9a9197af755a6419;Sampled=1",
				"Lambda-Runtime-Client-Context: {\"client\":{\"app_title\":\"Caf\u00e9\"}}",
				"Lambda-Runtime-Cognito-Identity: {\"cognitoIdentityId\":\"id-1\",\"cognitoIdentityPoolId\":\"p-1\"}",
				"Lambda-Runtime-Aws-Tenant-Id: tenant-42", "Lambda-Runtime-Invocation-Id: inv-7");
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
	void readsHeaderNamesInAnyCase() throws IOException {
		Invocation invocation = decode("x", "lambda-runtime-aws-request-id: r2", "LAMBDA-RUNTIME-DEADLINE-MS: 42",
				"lambda-runtime-trace-id: Root=1", "content-type: text/plain");
		assertThat(invocation.requestId()).isEqualTo("r2");
		assertThat(invocation.deadlineMs()).isEqualTo(42);
		assertThat(invocation.traceId()).isEqualTo("Root=1");
		assertThat(invocation.contentType()).isEqualTo("text/plain");
	}

	@Test
	void leavesAbsentHeadersEmpty() throws IOException {
		Invocation invocation = decode("", "Lambda-Runtime-Aws-Request-Id: r3");
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
	void anEventWithoutARequestIdFails() {
		assertThatIOException().isThrownBy(() -> decode("{}", "Lambda-Runtime-Deadline-Ms: 1"))
			.withMessageContaining("Lambda-Runtime-Aws-Request-Id");
	}

	@ParameterizedTest
	@ValueSource(strings = { "soon", "-1", "12.5", "99999999999999999999" })
	void aMalformedDeadlineFails(String deadline) {
		assertThatIOException()
			.isThrownBy(() -> decode("{}", "Lambda-Runtime-Aws-Request-Id: r", "Lambda-Runtime-Deadline-Ms: " + deadline))
			.withMessageContaining("Lambda-Runtime-Deadline-Ms")
			.withMessageContaining(deadline);
	}

	@Test
	void readsAChunkedEvent() throws IOException {
		String raw = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nLambda-Runtime-Aws-Request-Id: chunky\r\n\r\n"
				+ "5;ext=1\r\nHello\r\n2 ; name=\"quoted\"\r\n, \r\n6\r\nworld!\r\n0\r\nTrailer-One: a\r\n\r\n";
		Invocation invocation = InvocationDecoder
			.decode(new ResponseReader(new ByteArrayInputStream(raw.getBytes(StandardCharsets.US_ASCII))).read());
		assertThat(invocation.requestId()).isEqualTo("chunky");
		assertThat(invocation.payload()).isEqualTo("Hello, world!".getBytes(StandardCharsets.US_ASCII));
	}

	private static Invocation decode(String body, String... headers) throws IOException {
		StringBuilder raw = new StringBuilder("HTTP/1.1 200 OK\r\n");
		for (String header : headers) {
			raw.append(header).append("\r\n");
		}
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		raw.append("Content-Length: ").append(bytes.length).append("\r\n\r\n").append(body);
		byte[] message = raw.toString().getBytes(StandardCharsets.UTF_8);
		return InvocationDecoder.decode(new ResponseReader(new ByteArrayInputStream(message)).read());
	}

}
