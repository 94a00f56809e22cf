package dev.lambdaruntime.api;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.jspecify.annotations.Nullable;

/**
 * Reads HTTP/1.1 responses from one connection, strictly and within fixed bounds on lines, headers and bodies.
 */
final class ResponseReader {

	static final int MAX_HEADER_BYTES = 64 * 1024;

	static final int MAX_BODY_BYTES = 32 * 1024 * 1024;

	private static final byte[] EMPTY = {};

	private static final int MAX_CHUNK_SIZE_DIGITS = 8;

	private static final boolean[] TOKEN = tokenCharacters();

	private final ConnectionInput input;

	private int headerBudget;

	ResponseReader(InputStream input) {
		this.input = new ConnectionInput(input);
	}

	/**
	 * Bytes received on this connection so far.
	 * @return the count
	 */
	long bytesReceived() {
		return this.input.bytesReceived();
	}

	/**
	 * Whether bytes beyond the last response are waiting: the peer sent more than it declared.
	 * @return {@code true} when bytes are buffered
	 */
	boolean hasBufferedBytes() {
		return this.input.hasBufferedBytes();
	}

	/**
	 * Reads the next final response, skipping interim (1xx) ones.
	 * @return the response with its whole body
	 * @throws IOException when the connection fails or the response is malformed or too large
	 */
	HttpResponse read() throws IOException {
		this.input.startResponse();
		this.headerBudget = MAX_HEADER_BYTES;
		int status;
		boolean http10;
		ResponseHeaders headers;
		do {
			int length = this.input.nextLine("status");
			spend(length, "response headers");
			status = parseStatusLine(length);
			http10 = this.input.buffer()[this.input.position() + 7] == '0';
			this.input.skipLine(length);
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
		return new HttpResponse(status, headers, this.input.readToEnd(MAX_BODY_BYTES), false);
	}

	private int parseStatusLine(int length) throws IOException {
		byte[] b = this.input.buffer();
		int p = this.input.position();
		boolean valid = length >= 12 && b[p] == 'H' && b[p + 1] == 'T' && b[p + 2] == 'T' && b[p + 3] == 'P'
				&& b[p + 4] == '/' && b[p + 5] == '1' && b[p + 6] == '.' && (b[p + 7] == '0' || b[p + 7] == '1')
				&& b[p + 8] == ' ' && b[p + 9] >= '1' && b[p + 9] <= '5' && isDigit(b[p + 10]) && isDigit(b[p + 11])
				&& (length == 12 || b[p + 12] == ' ');
		for (int i = p + 12; valid && i < p + length; i++) {
			valid = !isControl(b[i]);
		}
		if (!valid) {
			throw new IOException("malformed status line " + this.input.quote(p, length));
		}
		return (b[p + 9] - '0') * 100 + (b[p + 10] - '0') * 10 + (b[p + 11] - '0');
	}

	private void readFields(@Nullable ResponseHeaders headers, String kind) throws IOException {
		while (true) {
			int length = this.input.nextLine(kind);
			spend(length + 2, (headers != null) ? "response headers" : "response trailers");
			if (length == 0) {
				this.input.skipLine(0);
				return;
			}
			parseField(length, headers, kind);
			this.input.skipLine(length);
		}
	}

	private void parseField(int length, @Nullable ResponseHeaders headers, String kind) throws IOException {
		byte[] b = this.input.buffer();
		int start = this.input.position();
		int end = start + length;
		if (b[start] == ' ' || b[start] == '\t') {
			throw new IOException(
					"obsolete line folding in " + kind + " " + this.input.quote(start, length) + " is not supported");
		}
		int colon = start;
		while (colon < end && b[colon] != ':') {
			if (!isToken(b[colon])) {
				throw new IOException("invalid character in " + kind + " name " + this.input.quote(start, length));
			}
			colon++;
		}
		if (colon == end) {
			throw new IOException(kind + " line without a colon " + this.input.quote(start, length));
		}
		if (colon == start) {
			throw new IOException(kind + " line without a name " + this.input.quote(start, length));
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
				throw new IOException("control character in " + kind + " value " + this.input.quote(start, length));
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
		this.input.readFully(body, 0, length);
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
			this.input.readFully(body, size, chunk);
			size += chunk;
			int length = this.input.nextLine("chunk");
			if (length != 0) {
				throw new IOException("chunk data longer than its declared size of " + chunk + " bytes");
			}
			this.input.skipLine(0);
		}
		this.headerBudget = MAX_HEADER_BYTES;
		readFields(null, "trailer");
		return (size == body.length) ? body : Arrays.copyOf(body, size);
	}

	private int readChunkSize() throws IOException {
		int length = this.input.nextLine("chunk size");
		byte[] b = this.input.buffer();
		int start = this.input.position();
		int end = start + length;
		int i = start;
		int size = 0;
		int digits = 0;
		for (int digit; i < end && (digit = hexValue(b[i])) >= 0; i++) {
			if (++digits > MAX_CHUNK_SIZE_DIGITS) {
				throw new IOException("chunk size " + this.input.quote(start, length) + " is too large");
			}
			size = (size << 4) | digit;
		}
		while (i < end && (b[i] == ' ' || b[i] == '\t')) {
			i++;
		}
		// Chunk extensions (";name=value") are allowed and ignored.
		if (digits == 0 || (i < end && b[i] != ';') || size < 0) {
			throw new IOException("malformed chunk size line " + this.input.quote(start, length));
		}
		this.input.skipLine(length);
		return size;
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
