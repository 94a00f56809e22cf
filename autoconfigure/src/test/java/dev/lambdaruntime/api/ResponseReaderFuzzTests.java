package dev.lambdaruntime.api;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
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
			@ForAll @Size(max = 300) byte[] body, @ForAll @IntRange(min = 0, max = 2) int framing,
			@ForAll @IntRange(min = 1, max = 50) int chunkSize) throws IOException {
		ByteArrayOutputStream raw = new ByteArrayOutputStream();
		StringBuilder head = new StringBuilder("HTTP/1.1 200 OK\r\nLambda-Runtime-Aws-Request-Id: id-1\r\n");
		headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
		head.append(switch (framing) {
			case 0 -> "Content-Length: " + body.length + "\r\n\r\n";
			case 1 -> "Transfer-Encoding: chunked\r\n\r\n";
			default -> "\r\n";
		});
		raw.write(head.toString().getBytes(StandardCharsets.UTF_8));
		if (framing == 1) {
			for (int from = 0; from < body.length; from += chunkSize) {
				int size = Math.min(chunkSize, body.length - from);
				raw.write((Integer.toHexString(size) + "\r\n").getBytes(StandardCharsets.US_ASCII));
				raw.write(body, from, size);
				raw.write("\r\n".getBytes(StandardCharsets.US_ASCII));
			}
			raw.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
		}
		else {
			raw.write(body);
		}
		HttpResponse response = new ResponseReader(new ByteArrayInputStream(raw.toByteArray())).read();
		headers.forEach((name, value) -> assertThat(response.headers().get(name)).isEqualTo(value.strip()));
		assertThat(response.body()).isEqualTo(body);
		Invocation invocation = InvocationDecoder.decode(response);
		assertThat(invocation.requestId()).isEqualTo("id-1");
		assertThat(invocation.payload()).isEqualTo(body);
	}

	@Provide
	Arbitrary<byte[]> damagedResponses() {
		Arbitrary<byte[]> valid = Arbitraries.of(VALID).map((text) -> text.getBytes(StandardCharsets.UTF_8));
		Arbitrary<List<int[]>> edits = Combinators
			.combine(Arbitraries.integers().between(0, 3), Arbitraries.integers().between(0, 10_000),
					Arbitraries.integers().between(0, 255))
			.as((kind, position, value) -> new int[] { kind, position, value })
			.list()
			.ofMinSize(1)
			.ofMaxSize(8);
		return Combinators.combine(valid, edits).as(ResponseReaderFuzzTests::edit);
	}

	@Provide
	Arbitrary<Map<String, String>> headerFields() {
		Arbitrary<String> names = Arbitraries.strings()
			.withChars("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+-.^_`|~")
			.ofMinLength(1)
			.ofMaxLength(20)
			.map((name) -> "X-" + name);
		Arbitrary<String> values = Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(40);
		return Arbitraries.maps(names, values).ofMaxSize(10).filter((map) -> map.keySet().stream()
			.map(String::toLowerCase).distinct().count() == map.size());
	}

	/**
	 * Applies edits: overwrite, delete, insert a byte, or cut the rest, each at a position taken modulo the length.
	 */
	private static byte[] edit(byte[] bytes, List<int[]> edits) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		byte[] current = bytes;
		for (int[] edit : edits) {
			if (current.length == 0) {
				break;
			}
			int at = edit[1] % current.length;
			out.reset();
			out.write(current, 0, at);
			switch (edit[0]) {
				case 0 -> {
					out.write(edit[2]);
					out.write(current, at + 1, current.length - at - 1);
				}
				case 1 -> out.write(current, at + 1, current.length - at - 1);
				case 2 -> {
					out.write(edit[2]);
					out.write(current, at, current.length - at);
				}
				default -> {
				}
			}
			current = out.toByteArray();
		}
		return current;
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
