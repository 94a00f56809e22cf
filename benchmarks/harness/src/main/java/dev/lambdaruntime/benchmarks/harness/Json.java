package dev.lambdaruntime.benchmarks.harness;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Just enough JSON to compare answers: whitespace outside strings does not count.
 */
final class Json {

	private Json() {
	}

	static boolean sameJson(byte[] actual, byte[] expected) {
		return Arrays.equals(actual, expected) || Arrays.equals(compact(actual), compact(expected));
	}

	static byte[] compact(byte[] json) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(json.length);
		boolean inString = false;
		for (int i = 0; i < json.length; i++) {
			byte b = json[i];
			if (inString) {
				out.write(b);
				if (b == '\\' && i + 1 < json.length) {
					out.write(json[++i]);
				}
				else if (b == '"') {
					inString = false;
				}
			}
			else if (b == '"') {
				inString = true;
				out.write(b);
			}
			else if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
				out.write(b);
			}
		}
		return out.toByteArray();
	}

	static String text(byte[] body) {
		String text = new String(body, StandardCharsets.UTF_8);
		return (text.length() > 300) ? text.substring(0, 300) + "..." : text;
	}

}
