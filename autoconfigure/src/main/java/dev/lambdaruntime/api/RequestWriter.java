package dev.lambdaruntime.api;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.jspecify.annotations.Nullable;

/**
 * Writes HTTP/1.1 requests: the head is built in one reused buffer and leaves with the body in one write when it
 * fits; control characters in header values become spaces, so no value can inject a header.
 */
final class RequestWriter {

	private static final int BUFFER_BYTES = 16 * 1024;

	private final byte[] fixedHeaders;

	private byte[] buffer = new byte[BUFFER_BYTES];

	private int count;

	/**
	 * A writer that sends {@code Host} and {@code User-Agent} on every request.
	 * @param host the {@code Host} value
	 * @param userAgent the {@code User-Agent} value
	 */
	RequestWriter(String host, String userAgent) {
		appendHeader("Host", host);
		appendHeader("User-Agent", userAgent);
		this.fixedHeaders = Arrays.copyOf(this.buffer, this.count);
	}

	/**
	 * Writes one request.
	 * @param request the request
	 * @param output the connection's output
	 * @throws IOException when the connection fails
	 */
	void write(HttpRequest request, OutputStream output) throws IOException {
		appendHead(request);
		byte[] body = request.body();
		if (body != null) {
			appendAscii("Content-Length: ");
			appendAscii(Integer.toString(body.length));
			appendAscii("\r\n");
		}
		appendAscii("\r\n");
		if (body == null || body.length == 0) {
			output.write(this.buffer, 0, this.count);
		}
		else if (body.length <= this.buffer.length - this.count) {
			System.arraycopy(body, 0, this.buffer, this.count, body.length);
			output.write(this.buffer, 0, this.count + body.length);
		}
		else {
			output.write(this.buffer, 0, this.count);
			output.write(body);
		}
		output.flush();
	}

	/**
	 * Writes a request whose body is a {@link ResponseStream}: chunked, each write of the stream one chunk, ended by
	 * the last chunk, or by the error trailers when the stream fails.
	 * @param request the request, with its stream
	 * @param output the connection's output
	 * @return the stream's own failure, sent as the trailers, or {@code null}
	 * @throws IOException when the connection fails
	 */
	@Nullable Exception writeStreaming(HttpRequest request, OutputStream output) throws IOException {
		ResponseStream stream = request.stream();
		if (stream == null) {
			throw new IllegalArgumentException(request + " has no stream");
		}
		appendHead(request);
		appendHeader("Transfer-Encoding", "chunked");
		appendHeader("Trailer", RuntimeApiHeaders.FUNCTION_ERROR_TYPE + ", " + RuntimeApiHeaders.FUNCTION_ERROR_BODY);
		appendAscii("\r\n");
		output.write(this.buffer, 0, this.count);
		output.flush();
		ChunkedOutput chunks = new ChunkedOutput(output);
		try {
			stream.writeTo(chunks);
		}
		catch (Exception ex) {
			IOException broken = chunks.connectionFailure();
			if (broken != null) {
				throw broken;
			}
			chunks.finishWithError(ErrorReport.ofFunctionError(ex));
			return ex;
		}
		chunks.finish();
		return null;
	}

	private void appendHead(HttpRequest request) {
		this.count = 0;
		appendAscii(request.method());
		appendAscii(" ");
		appendValue(request.target());
		appendAscii(" HTTP/1.1\r\n");
		ensureCapacity(this.fixedHeaders.length);
		System.arraycopy(this.fixedHeaders, 0, this.buffer, this.count, this.fixedHeaders.length);
		this.count += this.fixedHeaders.length;
		String[] headers = request.headers();
		for (int i = 0; i + 1 < headers.length; i += 2) {
			appendHeader(headers[i], headers[i + 1]);
		}
	}

	private void appendHeader(String name, String value) {
		appendValue(name);
		appendAscii(": ");
		appendValue(value);
		appendAscii("\r\n");
	}

	/**
	 * Appends text of our own making (protocol syntax), as is.
	 */
	private void appendAscii(String text) {
		int length = text.length();
		ensureCapacity(length);
		for (int i = 0; i < length; i++) {
			this.buffer[this.count++] = (byte) text.charAt(i);
		}
	}

	/**
	 * Appends a value that may come from anywhere: UTF-8, with control characters (CR and LF above all) turned
	 * into spaces.
	 */
	private void appendValue(String text) {
		int length = text.length();
		ensureCapacity(length);
		for (int i = 0; i < length; i++) {
			char c = text.charAt(i);
			if (c >= 0x80) {
				appendUtf8(text.substring(i));
				return;
			}
			this.buffer[this.count++] = isControl(c) ? (byte) ' ' : (byte) c;
		}
	}

	private void appendUtf8(String text) {
		byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
		ensureCapacity(bytes.length);
		for (byte b : bytes) {
			// Every byte of a multi-byte UTF-8 sequence is >= 0x80, so only ASCII controls are replaced.
			this.buffer[this.count++] = (b >= 0 && isControl((char) b)) ? (byte) ' ' : b;
		}
	}

	private void ensureCapacity(int more) {
		if (this.count + more > this.buffer.length) {
			this.buffer = Arrays.copyOf(this.buffer, Math.max(this.buffer.length * 2, this.count + more));
		}
	}

	private static boolean isControl(char c) {
		return (c < 0x20 && c != '\t') || c == 0x7F;
	}

}
