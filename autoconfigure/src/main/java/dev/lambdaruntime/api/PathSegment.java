package dev.lambdaruntime.api;

import java.nio.charset.StandardCharsets;

/**
 * Makes a value safe as one path segment: every character outside RFC 3986's unreserved set is percent-encoded.
 */
final class PathSegment {

	private static final char[] HEX = "0123456789ABCDEF".toCharArray();

	private PathSegment() {
	}

	/**
	 * Encodes a value as a path segment.
	 * @param value the value, such as a request id
	 * @return the value itself when it needs no encoding, else its encoded form
	 * @throws IllegalArgumentException when the value is empty
	 */
	static String encode(String value) {
		if (value.isEmpty()) {
			throw new IllegalArgumentException("path segment must not be empty");
		}
		for (int i = 0; i < value.length(); i++) {
			if (!isUnreserved(value.charAt(i))) {
				return percentEncode(value);
			}
		}
		return value;
	}

	private static String percentEncode(String value) {
		byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
		StringBuilder encoded = new StringBuilder(bytes.length * 3);
		for (byte b : bytes) {
			char c = (char) (b & 0xFF);
			if (isUnreserved(c)) {
				encoded.append(c);
			}
			else {
				encoded.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
			}
		}
		return encoded.toString();
	}

	private static boolean isUnreserved(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
				|| c == '_' || c == '~';
	}

}
