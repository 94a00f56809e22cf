package dev.lambdaruntime.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import org.springframework.test.json.JsonContent;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link RequestWriter}.
 */
class RequestWriterTests {

	private final RequestWriter writer = new RequestWriter("127.0.0.1:9001", "lambda-runtime-spring-boot/test");

	private final RecordingOutput output = new RecordingOutput();

	@Test
	void writesGetWithoutBodyOrLength() throws IOException {
		this.writer.write(HttpRequest.get("/2018-06-01/runtime/invocation/next"), this.output);
		assertThat(this.output.text()).isEqualTo("GET /2018-06-01/runtime/invocation/next HTTP/1.1\r\n"
				+ "Host: 127.0.0.1:9001\r\nUser-Agent: lambda-runtime-spring-boot/test\r\n\r\n");
	}

	@Test
	void writesPostHeadAndSmallBodyInOneWrite() throws IOException {
		this.writer.write(HttpRequest.post("/r", "{\"a\":1}".getBytes(StandardCharsets.UTF_8), "Content-Type",
				"application/json"), this.output);
		assertThat(this.output.text()).isEqualTo("POST /r HTTP/1.1\r\nHost: 127.0.0.1:9001\r\n"
				+ "User-Agent: lambda-runtime-spring-boot/test\r\nContent-Type: application/json\r\n"
				+ "Content-Length: 7\r\n\r\n{\"a\":1}");
		assertThat(this.output.writes).isOne();
		assertThat(this.output.flushes).isOne();
	}

	@Test
	void streamsEachWriteAsAChunkThenTheLastChunk() throws IOException {
		Exception failure = this.writer.writeStreaming(HttpRequest.postStreaming("/r", (out) -> {
			out.write("Hello, ".getBytes(StandardCharsets.UTF_8));
			out.write(new byte[0]);
			out.write("streamed world".getBytes(StandardCharsets.UTF_8));
		}, "Lambda-Runtime-Function-Response-Mode", "streaming"), this.output);
		assertThat(failure).isNull();
		assertThat(this.output.text()).isEqualTo("POST /r HTTP/1.1\r\nHost: 127.0.0.1:9001\r\n"
				+ "User-Agent: lambda-runtime-spring-boot/test\r\nLambda-Runtime-Function-Response-Mode: streaming\r\n"
				+ "Transfer-Encoding: chunked\r\n"
				+ "Trailer: Lambda-Runtime-Function-Error-Type, Lambda-Runtime-Function-Error-Body\r\n\r\n"
				+ "7\r\nHello, \r\ne\r\nstreamed world\r\n0\r\n\r\n");
	}

	@Test
	void endsAFailedStreamWithTheErrorTrailers() throws IOException {
		IllegalStateException boom = new IllegalStateException("sensor gone");
		Exception failure = this.writer.writeStreaming(HttpRequest.postStreaming("/r", (out) -> {
			out.write("partial".getBytes(StandardCharsets.UTF_8));
			throw boom;
		}), this.output);
		assertThat(failure).isSameAs(boom);
		String text = this.output.text();
		assertThat(text).contains("7\r\npartial\r\n0\r\nLambda-Runtime-Function-Error-Type: java.lang.IllegalStateException\r\n")
			.endsWith("\r\n\r\n");
		String body = text.substring(text.indexOf("Lambda-Runtime-Function-Error-Body: ") + 36, text.length() - 4);
		JsonContent error = new JsonContent(new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8));
		assertThat(error).extractingPath("$.errorMessage").isEqualTo("sensor gone");
		assertThat(error).extractingPath("$.errorType").isEqualTo("java.lang.IllegalStateException");
	}

	@Test
	void writesLargeBodyAfterTheHead() throws IOException {
		byte[] body = new byte[100_000];
		body[body.length - 1] = 9;
		this.writer.write(HttpRequest.post("/r", body), this.output);
		byte[] written = this.output.toByteArray();
		String head = new String(written, 0, written.length - body.length, StandardCharsets.ISO_8859_1);
		assertThat(head).startsWith("POST /r HTTP/1.1\r\n").endsWith("Content-Length: 100000\r\n\r\n");
		assertThat(written).endsWith(body);
		assertThat(this.output.writes).isEqualTo(2);
		assertThat(this.output.flushes).isOne();
	}

	@Test
	void writesEmptyBodyWithZeroLength() throws IOException {
		this.writer.write(HttpRequest.post("/r", new byte[0]), this.output);
		assertThat(this.output.text()).endsWith("Content-Length: 0\r\n\r\n");
	}

	@Test
	void reusesItsBufferAcrossRequests() throws IOException {
		this.writer.write(HttpRequest.post("/first", new byte[] { 'a', 'b', 'c' }, "X-Long", "v".repeat(50)),
				this.output);
		this.output.reset();
		this.writer.write(HttpRequest.get("/second"), this.output);
		assertThat(this.output.text()).isEqualTo("GET /second HTTP/1.1\r\nHost: 127.0.0.1:9001\r\n"
				+ "User-Agent: lambda-runtime-spring-boot/test\r\n\r\n");
	}

	@Test
	void growsForHugeHeaderValues() throws IOException {
		String value = "v".repeat(40_000);
		this.writer.write(HttpRequest.post("/r", new byte[] { 1 }, "X-Big", value), this.output);
		assertThat(this.output.text()).contains("X-Big: " + value + "\r\nContent-Length: 1\r\n\r\n\u0001");
	}

	@Test
	void replacesControlCharactersInHeaderValues() throws IOException {
		this.writer.write(HttpRequest.post("/r", new byte[0], "X-Type", "a\r\nInjected: 1\u0000\u007f\tb"),
				this.output);
		assertThat(this.output.text()).contains("\r\nX-Type: a  Injected: 1  \tb\r\n").doesNotContain("\r\nInjected");
	}

	@Test
	void writesNonAsciiHeaderValuesAsUtf8AndStillReplacesControls() throws IOException {
		this.writer.write(HttpRequest.post("/r", new byte[0], "X-Type", "Caf\u00e9\r\nX: \u2603"), this.output);
		assertThat(new String(this.output.toByteArray(), StandardCharsets.UTF_8))
			.contains("\r\nX-Type: Caf\u00e9  X: \u2603\r\n");
	}

	@Test
	void replacesControlCharactersInFixedHeaders() throws IOException {
		RequestWriter sneaky = new RequestWriter("host\r\nX-Injected: 1", "agent");
		sneaky.write(HttpRequest.get("/"), this.output);
		assertThat(this.output.text()).contains("Host: host  X-Injected: 1\r\n");
	}

	/**
	 * Counts writes and flushes.
	 */
	static final class RecordingOutput extends ByteArrayOutputStream {

		private int writes;

		private int flushes;

		@Override
		public synchronized void write(byte[] bytes, int offset, int length) {
			this.writes++;
			super.write(bytes, offset, length);
		}

		@Override
		public void flush() {
			this.flushes++;
		}

		String text() {
			return toString(StandardCharsets.ISO_8859_1);
		}

	}

}
