package dev.lambdaruntime.benchmarks.harness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The parts of an HTTP/1.1 request head the server acts on; one instance per connection, refilled per request.
 */
final class RequestHead {

	private static final byte[] CONTENT_LENGTH = ascii("content-length");

	private static final byte[] TRANSFER_ENCODING = ascii("transfer-encoding");

	private static final byte[] EXPECT = ascii("expect");

	private static final byte[] CONNECTION = ascii("connection");

	boolean get;

	boolean post;

	String target = "";

	long contentLength;

	boolean chunked;

	boolean expectContinue;

	boolean close;

	void parse(byte[] head, int length) throws IOException {
		this.contentLength = 0;
		this.chunked = false;
		this.expectContinue = false;
		this.close = false;
		int lineEnd = indexOf(head, 0, length, '\r');
		int space = indexOf(head, 0, lineEnd, ' ');
		int secondSpace = indexOf(head, space + 1, lineEnd, ' ');
		if (space < 0 || secondSpace < 0) {
			throw new IOException("Bad request line: " + new String(head, 0, lineEnd, StandardCharsets.ISO_8859_1));
		}
		this.get = space == 3 && head[0] == 'G' && head[1] == 'E' && head[2] == 'T';
		this.post = space == 4 && head[0] == 'P' && head[1] == 'O' && head[2] == 'S' && head[3] == 'T';
		this.target = new String(head, space + 1, secondSpace - space - 1, StandardCharsets.ISO_8859_1);
		boolean http10 = head[lineEnd - 1] == '0';
		this.close = http10;
		int lineStart = lineEnd + 2;
		while (lineStart < length - 2) {
			lineEnd = indexOf(head, lineStart, length, '\r');
			int colon = indexOf(head, lineStart, lineEnd, ':');
			if (colon > 0) {
				header(head, lineStart, colon, lineEnd);
			}
			lineStart = lineEnd + 2;
		}
	}

	private void header(byte[] head, int nameStart, int nameEnd, int lineEnd) {
		if (named(head, nameStart, nameEnd, CONTENT_LENGTH)) {
			this.contentLength = Long.parseLong(trimmed(head, nameEnd + 1, lineEnd));
		}
		else if (named(head, nameStart, nameEnd, TRANSFER_ENCODING)) {
			this.chunked = trimmed(head, nameEnd + 1, lineEnd).toLowerCase(Locale.ROOT).contains("chunked");
		}
		else if (named(head, nameStart, nameEnd, EXPECT)) {
			this.expectContinue = trimmed(head, nameEnd + 1, lineEnd).equalsIgnoreCase("100-continue");
		}
		else if (named(head, nameStart, nameEnd, CONNECTION)) {
			this.close = trimmed(head, nameEnd + 1, lineEnd).equalsIgnoreCase("close");
		}
	}

	private static boolean named(byte[] head, int start, int end, byte[] lowerCaseName) {
		if (end - start != lowerCaseName.length) {
			return false;
		}
		for (int i = 0; i < lowerCaseName.length; i++) {
			int b = head[start + i];
			if (b >= 'A' && b <= 'Z') {
				b += 'a' - 'A';
			}
			if (b != lowerCaseName[i]) {
				return false;
			}
		}
		return true;
	}

	private static String trimmed(byte[] head, int start, int end) {
		while (start < end && head[start] == ' ') {
			start++;
		}
		while (end > start && head[end - 1] == ' ') {
			end--;
		}
		return new String(head, start, end - start, StandardCharsets.ISO_8859_1);
	}

	private static int indexOf(byte[] bytes, int from, int to, char c) {
		for (int i = from; i < to; i++) {
			if (bytes[i] == c) {
				return i;
			}
		}
		return -1;
	}

	private static byte[] ascii(String text) {
		return text.getBytes(StandardCharsets.US_ASCII);
	}

}
