package dev.lambdaruntime.emulator.http;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.List;
import java.util.Map;

import dev.lambdaruntime.emulator.LambdaEmulator;
import dev.lambdaruntime.emulator.RawHttp;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.constraints.Size;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Arbitrary and damaged requests end in a request or a clear error ({@link BadRequestException}, or
 * {@link EOFException} when the bytes run out), never another exception, and a kept body is never over its limit;
 * well-formed requests parse back to what was sent.
 */
class HttpMessageReaderFuzzTests {

	private static final int LIMIT = 64 * 1024;

	private static final LambdaEmulator EMULATOR = LambdaEmulator.create().start();

	private static final List<String> VALID = List.of(
			"GET /2018-06-01/runtime/invocation/next HTTP/1.1\r\nHost: x\r\n\r\n",
			"POST /2018-06-01/runtime/invocation/r1/response HTTP/1.1\r\nContent-Length: 5\r\n\r\nhello",
			"POST /2018-06-01/runtime/invocation/r1/response HTTP/1.1\r\nTransfer-Encoding: chunked\r\n"
					+ "Lambda-Runtime-Function-Response-Mode: streaming\r\n\r\n3;x=y\r\nabc\r\n0\r\n"
					+ "Lambda-Runtime-Function-Error-Type: E\r\n\r\n",
			"POST /2015-03-31/functions/function/invocations?Qualifier=%24LATEST HTTP/1.0\r\n"
					+ "X-Amz-Client-Context: e30=\r\nContent-Length: 2\r\nExpect: 100-continue\r\n\r\n{}");

	@Property
	void arbitraryBytesEndInARequestOrAClearError(@ForAll @Size(max = 2048) byte[] input) {
		parseOrFailClearly(input);
	}

	@Property
	void damagedRequestsEndInARequestOrAClearError(@ForAll("damagedRequests") byte[] input) {
		parseOrFailClearly(input);
	}

	/** Fixed, not raised by the long run: each try opens two connections, and the machine has ports to spare. */
	@Property(tries = 1000)
	void damagedRequestsOverTheWireLeaveTheEmulatorServing(@ForAll("damagedAnswers") byte[] input)
			throws IOException {
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), EMULATOR.port())) {
			socket.setSoTimeout(10_000);
			socket.getOutputStream().write(input);
			socket.shutdownOutput();
			socket.getInputStream().readAllBytes();
		}
		RawHttp.Response answer = RawHttp.exchange(EMULATOR,
				"POST /2018-06-01/runtime/invocation/none/response HTTP/1.1\r\nContent-Length: 0\r\n\r\n");
		assertThat(answer.status()).isEqualTo(400);
	}

	@Property
	void wellFormedRequestsParseBackToWhatWasSent(@ForAll("headerFields") Map<String, String> headers,
			@ForAll @Size(max = 300) byte[] body, @ForAll boolean chunked) throws IOException {
		byte[] raw = HttpFuzz.message("POST /x HTTP/1.1\r\n", headers, body,
				chunked ? HttpFuzz.Framing.CHUNKED : HttpFuzz.Framing.CONTENT_LENGTH, 7);
		HttpMessageReader reader = new HttpMessageReader(new ByteArrayInputStream(raw));
		HttpHead parsed = reader.readHead();
		headers.forEach((name, value) -> assertThat(parsed.header(name)).isEqualTo(value.strip()));
		assertThat(reader.readBody(parsed, LIMIT).bytes()).isEqualTo(body);
	}

	@Provide
	Arbitrary<byte[]> damagedRequests() {
		return HttpFuzz.damaged(VALID);
	}

	/**
	 * Damaged answers to invocations the emulator never handed out: each ends at once, in a 400 or a closed
	 * connection, so nothing waits for an event.
	 */
	@Provide
	Arbitrary<byte[]> damagedAnswers() {
		return HttpFuzz.damaged(VALID.subList(1, 3));
	}

	@Provide
	Arbitrary<Map<String, String>> headerFields() {
		return HttpFuzz.headerFields();
	}

	@AfterContainer
	static void closeEmulator() {
		EMULATOR.close();
	}

	private static void parseOrFailClearly(byte[] input) {
		HttpMessageReader reader = new HttpMessageReader(new ByteArrayInputStream(input));
		try {
			HttpHead head = reader.readHead();
			if (head != null) {
				HttpBody body = reader.readBody(head, LIMIT);
				assertThat(body.bytes().length).isLessThanOrEqualTo(LIMIT);
			}
		}
		catch (BadRequestException | EOFException ex) {
			assertThat(ex.getMessage()).isNotBlank();
		}
		catch (IOException ex) {
			throw new AssertionError("Unexpected " + ex, ex);
		}
	}

}
