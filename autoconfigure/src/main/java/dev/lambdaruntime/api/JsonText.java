package dev.lambdaruntime.api;

/**
 * Writes JSON string literals, so the core needs no JSON library.
 */
final class JsonText {

	private static final char[] HEX = "0123456789abcdef".toCharArray();

	private JsonText() {
	}

	static void appendString(StringBuilder json, String value) {
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
					if (c < 0x20) {
						json.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
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
