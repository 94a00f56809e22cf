package dev.lambdaruntime.emulator.http;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Inputs for fuzzing an HTTP/1.1 reader: well-formed messages, then damaged. The emulator's request reader and (from
 * this module's test jar) the runtime's response reader are fuzzed with the same inputs.
 */
public final class HttpFuzz {

	private HttpFuzz() {
	}

	/**
	 * Messages damaged the ways a bad peer or network does: one to eight flipped, dropped, doubled or inserted bytes,
	 * or a cut end.
	 * @param messages well-formed messages, in ISO-8859-1
	 * @return the damaged messages
	 */
	public static Arbitrary<byte[]> damaged(List<String> messages) {
		Arbitrary<byte[]> valid = Arbitraries.of(messages).map((text) -> text.getBytes(StandardCharsets.ISO_8859_1));
		return Combinators.combine(valid, Arbitraries.integers().between(1, 8), Arbitraries.longs()).as(Damage::apply);
	}

	/**
	 * Up to ten header fields: names are tokens after {@code X-}, distinct in any case; values are printable ASCII.
	 * @return the fields, name to value
	 */
	public static Arbitrary<Map<String, String>> headerFields() {
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
	 * A well-formed message.
	 * @param head the start line and any fixed header lines, each ending in CRLF
	 * @param fields more header fields
	 * @param body the body
	 * @param framing how the reader finds the body's end
	 * @param chunkSize the size of each chunk when chunked
	 * @return the message's bytes
	 */
	public static byte[] message(String head, Map<String, String> fields, byte[] body, Framing framing,
			int chunkSize) {
		ByteArrayOutputStream message = new ByteArrayOutputStream();
		StringBuilder lines = new StringBuilder(head);
		fields.forEach((name, value) -> lines.append(name).append(": ").append(value).append("\r\n"));
		lines.append(switch (framing) {
			case CONTENT_LENGTH -> "Content-Length: " + body.length + "\r\n\r\n";
			case CHUNKED -> "Transfer-Encoding: chunked\r\n\r\n";
			case UNTIL_CLOSE -> "\r\n";
		});
		message.writeBytes(lines.toString().getBytes(StandardCharsets.ISO_8859_1));
		if (framing != Framing.CHUNKED) {
			message.writeBytes(body);
			return message.toByteArray();
		}
		for (int from = 0; from < body.length; from += chunkSize) {
			int size = Math.min(chunkSize, body.length - from);
			message.writeBytes((Integer.toHexString(size) + "\r\n").getBytes(StandardCharsets.US_ASCII));
			message.write(body, from, size);
			message.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
		}
		message.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
		return message.toByteArray();
	}

	/**
	 * How a message's body ends.
	 */
	public enum Framing {

		/** After {@code Content-Length} bytes. */
		CONTENT_LENGTH,

		/** At the last chunk of {@code Transfer-Encoding: chunked}. */
		CHUNKED,

		/** When the connection closes: responses only. */
		UNTIL_CLOSE

	}

}
