package dev.lambdaruntime.api;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;

import dev.lambdaruntime.emulator.http.HttpFuzz;
import dev.lambdaruntime.emulator.http.HttpFuzz.Framing;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The client's response reader, chunked decoder and invocation decoding on bytes from outside: arbitrary and damaged
 * responses end in a response or an {@link IOException} with a message, never another exception, and within the
 * bounds on headers and bodies; well-formed responses read back to what was sent.
 */
class ResponseReaderFuzzTests {

	private static final List<String> VALID = List.of(
			"HTTP/1.1 200 OK\r\nLambda-Runtime-Aws-Request-Id: 8476a536\r\nLambda-Runtime-Deadline-Ms: 1542409706888\r\n"
					+ "Lambda-Runtime-Trace-Id: Root=1-5bef4de7-ad49b0e87f6ef6c87fc2e700;Sampled=1\r\n"
					+ "Content-Type: application/json\r\nContent-Length: 15\r\n\r\n{\"name\":\"Ada\"}",
			"HTTP/1.1 202 Accepted\r\nContent-Type: application/json\r\nContent-Length: 15\r\n\r\n{\"status\":\"OK\"}",
			"HTTP/1.1 200 OK\r\nLambda-Runtime-Aws-Request-Id: r\r\nTransfer-Encoding: chunked\r\n\r\n"
					+ "4;a=b\r\nWiki\r\n5\r\npedia\r\n0\r\nX-Trailer: t\r\n\r\n",
			"HTTP/1.1 100 Continue\r\n\r\nHTTP/1.0 403 Forbidden\r\nConnection: keep-alive\r\nContent-Length: 2\r\n\r\n{}",
			"HTTP/1.1 200 OK\r\nLambda-Runtime-Aws-Request-Id: x\r\n\r\nuntil the end");

	@Property
	void arbitraryBytesEndInAResponseOrAClearError(@ForAll @Size(max = 2048) byte[] input) {
		readOrFailClearly(input);
	}

	@Property
	void damagedResponsesEndInAResponseOrAClearError(@ForAll("damagedResponses") byte[] input) {
		readOrFailClearly(input);
	}

	@Property
	void wellFormedResponsesReadBackToWhatWasSent(@ForAll("headerFields") Map<String, String> headers,
			@ForAll @Size(max = 300) byte[] body, @ForAll Framing framing,
			@ForAll @IntRange(min = 1, max = 50) int chunkSize) throws IOException {
		byte[] raw = HttpFuzz.message("HTTP/1.1 200 OK\r\nLambda-Runtime-Aws-Request-Id: id-1\r\n", headers, body,
				framing, chunkSize);
		HttpResponse response = new ResponseReader(new ByteArrayInputStream(raw)).read();
		headers.forEach((name, value) -> assertThat(response.headers().get(name)).isEqualTo(value.strip()));
		assertThat(response.body()).isEqualTo(body);
		Invocation invocation = InvocationDecoder.decode(response);
		assertThat(invocation.requestId()).isEqualTo("id-1");
		assertThat(invocation.payload()).isEqualTo(body);
	}

	@Provide
	Arbitrary<byte[]> damagedResponses() {
		return HttpFuzz.damaged(VALID);
	}

	@Provide
	Arbitrary<Map<String, String>> headerFields() {
		return HttpFuzz.headerFields();
	}

	private static void readOrFailClearly(byte[] input) {
		ResponseReader reader = new ResponseReader(new ByteArrayInputStream(input));
		try {
			HttpResponse response = reader.read();
			assertThat(response.body().length).isLessThanOrEqualTo(ResponseReader.MAX_BODY_BYTES);
			if (response.status() == 200) {
				InvocationDecoder.decode(response);
			}
		}
		catch (IOException ex) {
			assertThat(ex.getMessage()).isNotBlank();
		}
	}

}
