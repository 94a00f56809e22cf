package dev.lambdaruntime.emulator.lambda;

/**
 * Writes the few JSON documents the emulator sends, so it needs no JSON library.
 */
final class Json {

	private static final char[] HEX = "0123456789abcdef".toCharArray();

	private Json() {
	}

	/**
	 * A Lambda error document.
	 * @param errorType the error type
	 * @param errorMessage the message
	 * @return {@code {"errorMessage":"...","errorType":"..."}}
	 */
	static String error(String errorType, String errorMessage) {
		StringBuilder json = new StringBuilder("{\"errorMessage\":");
		appendString(json, errorMessage);
		json.append(",\"errorType\":");
		appendString(json, errorType);
		return json.append('}').toString();
	}

	static String string(String value) {
		StringBuilder json = new StringBuilder();
		appendString(json, value);
		return json.toString();
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
