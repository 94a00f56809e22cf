package dev.lambdaruntime.api;

/**
 * Writes JSON string literals, so the core (and the metrics it writes) needs no JSON library; internal to the runtime.
 */
public final class JsonText {

	private static final char[] HEX = "0123456789abcdef".toCharArray();

	private JsonText() {
	}

	/**
	 * Appends a JSON string literal, quotes included.
	 * @param json where to append
	 * @param value the string
	 */
	public static void appendString(StringBuilder json, String value) {
		append(json, value, false);
	}

	/**
	 * Like {@link #appendString}, with every character above ASCII escaped as {@code \\uXXXX}: for header values.
	 */
	static void appendAsciiString(StringBuilder json, String value) {
		append(json, value, true);
	}

	private static void append(StringBuilder json, String value, boolean asciiOnly) {
		json.append('"');
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '"' -> json.append("\\\"");
				case '\\' -> json.append("\\\\");
				case '\n' -> json.append("\\n");
				case '\r' -> json.append("\\r");
				case '\t' -> json.append("\\t");
				default -> {
					if (c < 0x20 || (asciiOnly && c > 0x7E)) {
						json.append("\\u").append(HEX[c >> 12]).append(HEX[(c >> 8) & 0xF]).append(HEX[(c >> 4) & 0xF])
							.append(HEX[c & 0xF]);
					}
					else {
						json.append(c);
					}
				}
			}
		}
		json.append('"');
	}

}
