package dev.lambdaruntime.api;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.jspecify.annotations.Nullable;

/**
 * Reads HTTP/1.1 responses from one connection, strictly and within fixed bounds on lines, headers and bodies.
 */
final class ResponseReader {

	static final int MAX_LINE_BYTES = 16 * 1024;

	static final int MAX_HEADER_BYTES = 64 * 1024;

	static final int MAX_BODY_BYTES = 32 * 1024 * 1024;

	private static final byte[] EMPTY = {};

	private static final int MAX_CHUNK_SIZE_DIGITS = 8;

	private static final boolean[] TOKEN = tokenCharacters();

	private final InputStream input;

	private final byte[] buffer = new byte[MAX_LINE_BYTES];

	private int position;

	private int limit;

	private long bytesReceived;

	private long responseStart;

	private int headerBudget;

	ResponseReader(InputStream input) {
		this.input = input;
	}

	/**
	 * Bytes received on this connection so far.
	 * @return the count
	 */
	long bytesReceived() {
		return this.bytesReceived;
	}

	/**
	 * Whether bytes beyond the last response are waiting: the peer sent more than it declared.
	 * @return {@code true} when the buffer is not empty
	 */
	boolean hasBufferedBytes() {
		return this.position < this.limit;
	}

	/**
	 * Reads the next final response, skipping interim (1xx) ones.
	 * @return the response with its whole body
	 * @throws IOException when the connection fails or the response is malformed or too large
	 */
	HttpResponse read() throws IOException {
		this.responseStart = this.bytesReceived - (this.limit - this.position);
		this.headerBudget = MAX_HEADER_BYTES;
		int status;
		boolean http10;
		ResponseHeaders headers;
		do {
			int length = nextLine("status");
			spend(length, "response headers");
			status = parseStatusLine(length);
			http10 = this.buffer[this.position + 7] == '0';
			skipLine(length);
			headers = new ResponseHeaders();
			readFields(headers, "header");
			if (status == 101) {
				throw new IOException("unexpected 101 Switching Protocols response");
			}
		}
		while (status < 200);
		boolean keepAlive = http10 ? headers.hasToken("Connection", "keep-alive")
				: !headers.hasToken("Connection", "close");
		if (status == 204 || status == 304) {
			return new HttpResponse(status, headers, EMPTY, keepAlive);
		}
		String transferEncoding = headers.get("Transfer-Encoding");
		String contentLength = contentLength(headers);
		if (transferEncoding != null) {
			if (contentLength != null) {
				throw new IOException("response has both Transfer-Encoding and Content-Length");
			}
			if (!"chunked".equalsIgnoreCase(transferEncoding)) {
				throw new IOException("unsupported Transfer-Encoding '" + transferEncoding + "'");
			}
			return new HttpResponse(status, headers, readChunked(), keepAlive);
		}
		if (contentLength != null) {
			return new HttpResponse(status, headers, readFixed(parseContentLength(contentLength)), keepAlive);
		}
		// Neither length nor chunks: the body ends when the peer closes.
		return new HttpResponse(status, headers, readToEnd(), false);
	}

	private int parseStatusLine(int length) throws IOException {
		byte[] b = this.buffer;
		int p = this.position;
		boolean valid = length >= 12 && b[p] == 'H' && b[p + 1] == 'T' && b[p + 2] == 'T' && b[p + 3] == 'P'
				&& b[p + 4] == '/' && b[p + 5] == '1' && b[p + 6] == '.' && (b[p + 7] == '0' || b[p + 7] == '1')
				&& b[p + 8] == ' ' && b[p + 9] >= '1' && b[p + 9] <= '5' && isDigit(b[p + 10]) && isDigit(b[p + 11])
				&& (length == 12 || b[p + 12] == ' ');
		for (int i = p + 12; valid && i < p + length; i++) {
			valid = !isControl(b[i]);
		}
		if (!valid) {
			throw new IOException("malformed status line " + quote(p, length));
		}
		return (b[p + 9] - '0') * 100 + (b[p + 10] - '0') * 10 + (b[p + 11] - '0');
	}

	private void readFields(@Nullable ResponseHeaders headers, String kind) throws IOException {
		while (true) {
			int length = nextLine(kind);
			spend(length + 2, (headers != null) ? "response headers" : "response trailers");
			if (length == 0) {
				skipLine(0);
				return;
			}
			parseField(length, headers, kind);
			skipLine(length);
		}
	}

	private void parseField(int length, @Nullable ResponseHeaders headers, String kind) throws IOException {
		byte[] b = this.buffer;
		int start = this.position;
		int end = start + length;
		if (b[start] == ' ' || b[start] == '\t') {
			throw new IOException(
					"obsolete line folding in " + kind + " " + quote(start, length) + " is not supported");
		}
		int colon = start;
		while (colon < end && b[colon] != ':') {
			if (!isToken(b[colon])) {
				throw new IOException("invalid character in " + kind + " name " + quote(start, length));
			}
			colon++;
		}
		if (colon == end) {
			throw new IOException(kind + " line without a colon " + quote(start, length));
		}
		if (colon == start) {
			throw new IOException(kind + " line without a name " + quote(start, length));
		}
		int from = colon + 1;
		int to = end;
		while (from < to && (b[from] == ' ' || b[from] == '\t')) {
			from++;
		}
		while (to > from && (b[to - 1] == ' ' || b[to - 1] == '\t')) {
			to--;
		}
		for (int i = from; i < to; i++) {
			if (isControl(b[i])) {
				throw new IOException("control character in " + kind + " value " + quote(start, length));
			}
		}
		if (headers != null) {
			headers.add(new String(b, start, colon - start, StandardCharsets.ISO_8859_1),
					new String(b, from, to - from, StandardCharsets.UTF_8));
		}
	}

	private @Nullable String contentLength(ResponseHeaders headers) throws IOException {
		String found = null;
		for (int i = 0; i < headers.size(); i++) {
			if (headers.name(i).equalsIgnoreCase("Content-Length")) {
				if (found != null && !found.equals(headers.value(i))) {
					throw new IOException("conflicting Content-Length headers '" + found + "' and '"
							+ headers.value(i) + "'");
				}
				found = headers.value(i);
			}
		}
		return found;
	}

	private int parseContentLength(String text) throws IOException {
		if (text.isEmpty()) {
			throw new IOException("malformed Content-Length ''");
		}
		long length = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c < '0' || c > '9') {
				throw new IOException("malformed Content-Length '" + text + "'");
			}
			length = Math.min(length * 10 + (c - '0'), MAX_BODY_BYTES + 1L);
		}
		if (length > MAX_BODY_BYTES) {
			throw new IOException("response body of " + text + " bytes is over the limit of " + MAX_BODY_BYTES
					+ " bytes");
		}
		return (int) length;
	}

	private byte[] readFixed(int length) throws IOException {
		if (length == 0) {
			return EMPTY;
		}
		byte[] body = new byte[length];
		readFully(body, 0, length);
		return body;
	}

	private byte[] readChunked() throws IOException {
		byte[] body = EMPTY;
		int size = 0;
		while (true) {
			int chunk = readChunkSize();
			if (chunk == 0) {
				break;
			}
			checkBodySize((long) size + chunk);
			if (size + chunk > body.length) {
				body = Arrays.copyOf(body, grownSize(body.length, size + chunk));
			}
			readFully(body, size, chunk);
			size += chunk;
			int length = nextLine("chunk");
			if (length != 0) {
				throw new IOException("chunk data longer than its declared size of " + chunk + " bytes");
			}
			skipLine(0);
		}
		this.headerBudget = MAX_HEADER_BYTES;
		readFields(null, "trailer");
		return (size == body.length) ? body : Arrays.copyOf(body, size);
	}

	private int readChunkSize() throws IOException {
		int length = nextLine("chunk size");
		byte[] b = this.buffer;
		int i = this.position;
		int end = i + length;
		int size = 0;
		int digits = 0;
		for (int digit; i < end && (digit = hexValue(b[i])) >= 0; i++) {
			if (++digits > MAX_CHUNK_SIZE_DIGITS) {
				throw new IOException("chunk size " + quote(this.position, length) + " is too large");
			}
			size = (size << 4) | digit;
		}
		while (i < end && (b[i] == ' ' || b[i] == '\t')) {
			i++;
		}
		// Chunk extensions (";name=value") are allowed and ignored.
		if (digits == 0 || (i < end && b[i] != ';') || size < 0) {
			throw new IOException("malformed chunk size line " + quote(this.position, length));
		}
		skipLine(length);
		return size;
	}

	private byte[] readToEnd() throws IOException {
		byte[] body = new byte[Math.max(1024, this.limit - this.position)];
		int size = 0;
		while (true) {
			int buffered = this.limit - this.position;
			if (buffered > 0) {
				checkBodySize((long) size + buffered);
				if (size + buffered > body.length) {
					body = Arrays.copyOf(body, grownSize(body.length, size + buffered));
				}
				System.arraycopy(this.buffer, this.position, body, size, buffered);
				size += buffered;
				this.position = this.limit;
			}
			int read = this.input.read(this.buffer, 0, this.buffer.length);
			if (read < 0) {
				return Arrays.copyOf(body, size);
			}
			this.bytesReceived += read;
			this.position = 0;
			this.limit = read;
		}
	}

	private void readFully(byte[] target, int offset, int length) throws IOException {
		int done = Math.min(this.limit - this.position, length);
		System.arraycopy(this.buffer, this.position, target, offset, done);
		this.position += done;
		while (done < length) {
			int read = this.input.read(target, offset + done, length - done);
			if (read < 0) {
				throw new EOFException("connection closed after " + done + " of " + length + " body bytes");
			}
			this.bytesReceived += read;
			done += read;
		}
	}

	/**
	 * Finds the next line, buffering it whole.
	 * @param kind what the line is, for messages
	 * @return the line's length without its CRLF; the line starts at {@link #position}
	 */
	private int nextLine(String kind) throws IOException {
		int scan = this.position;
		while (true) {
			for (; scan < this.limit; scan++) {
				if (this.buffer[scan] == '\n') {
					if (scan == this.position || this.buffer[scan - 1] != '\r') {
						throw new IOException(kind + " line does not end with CRLF "
								+ quote(this.position, scan - this.position));
					}
					return scan - 1 - this.position;
				}
			}
			if (this.limit - this.position >= this.buffer.length) {
				throw new IOException(kind + " line is longer than " + MAX_LINE_BYTES + " bytes");
			}
			scan -= fill();
		}
	}

	private void skipLine(int length) {
		this.position += length + 2;
	}

	/**
	 * Reads more bytes, first moving what is buffered to the front.
	 * @return how far buffered bytes moved towards the front
	 */
	private int fill() throws IOException {
		int shift = this.position;
		if (shift > 0) {
			System.arraycopy(this.buffer, shift, this.buffer, 0, this.limit - shift);
			this.limit -= shift;
			this.position = 0;
		}
		int read = this.input.read(this.buffer, this.limit, this.buffer.length - this.limit);
		if (read < 0) {
			throw new EOFException((this.bytesReceived == this.responseStart) ? "connection closed before a response"
					: "connection closed in the middle of a response");
		}
		this.bytesReceived += read;
		this.limit += read;
		return shift;
	}

	private void spend(int bytes, String what) throws IOException {
		this.headerBudget -= bytes;
		if (this.headerBudget < 0) {
			throw new IOException(what + " are larger than " + MAX_HEADER_BYTES + " bytes");
		}
	}

	private static void checkBodySize(long size) throws IOException {
		if (size > MAX_BODY_BYTES) {
			throw new IOException("response body is over the limit of " + MAX_BODY_BYTES + " bytes");
		}
	}

	private static int grownSize(int current, int needed) {
		return (int) Math.min(MAX_BODY_BYTES, Math.max(needed, current * 2L));
	}

	private String quote(int offset, int length) {
		int shown = Math.min(length, 100);
		StringBuilder text = new StringBuilder(shown + 8).append('\'');
		for (int i = offset; i < offset + shown; i++) {
			int c = this.buffer[i] & 0xFF;
			if (c >= 0x20 && c < 0x7F) {
				text.append((char) c);
			}
			else {
				text.append("\\x").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xF, 16));
			}
		}
		return text.append((length > shown) ? "...'" : "'").toString();
	}

	private static boolean isDigit(byte b) {
		return b >= '0' && b <= '9';
	}

	private static boolean isControl(byte b) {
		return (b >= 0 && b < 0x20 && b != '\t') || b == 0x7F;
	}

	private static boolean isToken(byte b) {
		return b >= 0 && TOKEN[b];
	}

	private static int hexValue(byte b) {
		if (b >= '0' && b <= '9') {
			return b - '0';
		}
		if (b >= 'a' && b <= 'f') {
			return b - 'a' + 10;
		}
		if (b >= 'A' && b <= 'F') {
			return b - 'A' + 10;
		}
		return -1;
	}

	private static boolean[] tokenCharacters() {
		boolean[] token = new boolean[128];
		for (char c = '0'; c <= '9'; c++) {
			token[c] = true;
		}
		for (char c = 'a'; c <= 'z'; c++) {
			token[c] = true;
			token[Character.toUpperCase(c)] = true;
		}
		for (char c : "!#$%&'*+-.^_`|~".toCharArray()) {
			token[c] = true;
		}
		return token;
	}

}
