package dev.lambdaruntime.emulator.http;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

/**
 * Strict, bounded HTTP/1.1 request parsing: CRLF line endings, token header names, one framing, hex chunk sizes.
 */
final class HttpMessageReader {

	/** Room for Lambda-Runtime-Function-XRay-Error-Cause, whose value may be 64 KiB, and its name. */
	static final int MAX_LINE = 64 * 1024 + 128;

	static final int MAX_HEAD = 96 * 1024;

	static final int MAX_HEADERS = 100;

	/** Bodies over the caller's limit are read and dropped up to this size, then the connection closes. */
	static final long MAX_DISCARD = 64L * 1024 * 1024;

	private final InputStream in;

	HttpMessageReader(InputStream in) {
		this.in = in;
	}

	/**
	 * Reads a request line and headers.
	 * @return the head, or {@code null} at a clean end of stream before any byte
	 * @throws BadRequestException when the head breaks the rules
	 * @throws IOException on a read failure
	 */
	@Nullable HttpHead readHead() throws IOException {
		int first = this.in.read();
		if (first == -1) {
			return null;
		}
		HeadBudget budget = new HeadBudget();
		String requestLine = readLine(first, budget);
		String[] parts = requestLine.split(" ", -1);
		if (parts.length != 3 || !isToken(parts[0]) || parts[1].isEmpty() || !validTarget(parts[1])) {
			throw new BadRequestException("Malformed request line");
		}
		if (!parts[2].equals("HTTP/1.1") && !parts[2].equals("HTTP/1.0")) {
			throw new BadRequestException("Unsupported HTTP version");
		}
		Map<String, String> headers = readFields(budget);
		validateFraming(headers);
		return new HttpHead(parts[0], parts[1], parts[2], headers);
	}

	/**
	 * Reads the body the head announces.
	 * @param head the request head
	 * @param limit the largest body to keep
	 * @return the body; {@link HttpBody#tooLarge()} when it was longer than {@code limit}
	 * @throws IOException on a framing error or a read failure
	 */
	HttpBody readBody(HttpHead head, long limit) throws IOException {
		if (head.chunked()) {
			return readChunked(limit);
		}
		long length = contentLength(head);
		if (length == 0) {
			return HttpBody.EMPTY;
		}
		if (length > limit) {
			if (length > limit + MAX_DISCARD) {
				return HttpBody.tooLarge(false);
			}
			skipFully(length);
			return HttpBody.tooLarge(true);
		}
		byte[] bytes = this.in.readNBytes((int) length);
		if (bytes.length != length) {
			throw new EOFException("Stream ended inside a body");
		}
		return new HttpBody(bytes, Map.of(), false, true);
	}

	static long contentLength(HttpHead head) throws BadRequestException {
		String value = head.header("Content-Length");
		if (value == null) {
			return 0;
		}
		if (value.isEmpty() || value.length() > 18 || !value.chars().allMatch((c) -> c >= '0' && c <= '9')) {
			throw new BadRequestException("Invalid Content-Length");
		}
		return Long.parseLong(value);
	}

	private HttpBody readChunked(long limit) throws IOException {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		long total = 0;
		HeadBudget budget = new HeadBudget();
		while (true) {
			String sizeLine = readLine(this.in.read(), budget);
			int extension = sizeLine.indexOf(';');
			String hex = ((extension >= 0) ? sizeLine.substring(0, extension) : sizeLine).trim();
			if (hex.isEmpty() || hex.length() > 8 || !hex.chars().allMatch((c) -> Character.digit(c, 16) >= 0)) {
				throw new BadRequestException("Invalid chunk size");
			}
			long size = Long.parseLong(hex, 16);
			if (size == 0) {
				break;
			}
			total += size;
			if (total > limit + MAX_DISCARD) {
				return HttpBody.tooLarge(false);
			}
			if (total > limit) {
				skipFully(size);
			}
			else {
				byte[] chunk = this.in.readNBytes((int) size);
				if (chunk.length != size) {
					throw new EOFException("Stream ended inside a chunk");
				}
				body.write(chunk);
			}
			if (this.in.read() != '\r' || this.in.read() != '\n') {
				throw new BadRequestException("Chunk not followed by CRLF");
			}
			budget = new HeadBudget();
		}
		Map<String, String> trailers = readFields(new HeadBudget());
		if (total > limit) {
			return HttpBody.tooLarge(true);
		}
		return new HttpBody(body.toByteArray(), trailers, false, true);
	}

	private Map<String, String> readFields(HeadBudget budget) throws IOException {
		TreeMap<String, String> fields = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		while (true) {
			String line = readLine(this.in.read(), budget);
			if (line.isEmpty()) {
				return Collections.unmodifiableMap(fields);
			}
			int colon = line.indexOf(':');
			if (colon <= 0 || !isToken(line.substring(0, colon))) {
				throw new BadRequestException("Malformed header line");
			}
			if (++budget.fields > MAX_HEADERS) {
				throw new BadRequestException("Too many header fields");
			}
			String name = line.substring(0, colon);
			String value = line.substring(colon + 1).strip();
			fields.merge(name, value, (existing, added) -> existing + ", " + added);
		}
	}

	private static void validateFraming(Map<String, String> headers) throws BadRequestException {
		String transferEncoding = headers.get("Transfer-Encoding");
		if (transferEncoding != null) {
			if (!transferEncoding.equalsIgnoreCase("chunked")) {
				throw new BadRequestException("Unsupported Transfer-Encoding");
			}
			if (headers.containsKey("Content-Length")) {
				throw new BadRequestException("Both Content-Length and Transfer-Encoding");
			}
		}
	}

	private String readLine(int first, HeadBudget budget) throws IOException {
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		int b = first;
		while (true) {
			if (b == -1) {
				throw new EOFException("Stream ended inside a request");
			}
			if (b == '\r') {
				if (this.in.read() != '\n') {
					throw new BadRequestException("CR not followed by LF");
				}
				return line.toString(StandardCharsets.ISO_8859_1);
			}
			if (b == '\n') {
				throw new BadRequestException("Bare LF line ending");
			}
			if ((b < 0x20 && b != '\t') || b == 0x7f) {
				throw new BadRequestException("Control character in request head");
			}
			if (line.size() >= MAX_LINE || ++budget.bytes > MAX_HEAD) {
				throw new BadRequestException("Request head too long");
			}
			line.write(b);
			b = this.in.read();
		}
	}

	private void skipFully(long length) throws IOException {
		long remaining = length;
		while (remaining > 0) {
			long skipped = this.in.skip(remaining);
			if (skipped <= 0) {
				if (this.in.read() == -1) {
					throw new EOFException("Stream ended inside a body");
				}
				skipped = 1;
			}
			remaining -= skipped;
		}
	}

	private static boolean validTarget(String target) {
		return target.startsWith("/") && target.chars().allMatch((c) -> c > 0x20 && c < 0x7f);
	}

	static boolean isToken(String value) {
		if (value.isEmpty()) {
			return false;
		}
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
					|| "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
			if (!ok) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Bytes and fields spent on one head or trailer section.
	 */
	private static final class HeadBudget {

		private int bytes;

		private int fields;

	}

}
