package dev.lambdaruntime.benchmarks.harness;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * An unsynchronized buffered reader of HTTP/1.1 requests: request heads and bodies (Content-Length or chunked).
 */
final class HttpInput {

	private static final int MAX_HEAD = 64 * 1024;

	private final InputStream in;

	private final byte[] buffer = new byte[16 * 1024];

	private int position;

	private int limit;

	private byte[] head = new byte[4 * 1024];

	private int headLength;

	HttpInput(InputStream in) {
		this.in = in;
	}

	/**
	 * Reads one request head, up to and including the blank line.
	 * @return {@code false} when the connection was closed before a new request began
	 * @throws IOException on a read failure or a head over 64 KiB
	 */
	boolean readHead() throws IOException {
		this.headLength = 0;
		int matched = 0;
		while (matched < 4) {
			int b = read();
			if (b < 0) {
				if (this.headLength == 0) {
					return false;
				}
				throw new EOFException("Connection closed inside a request head");
			}
			if (this.headLength == this.head.length) {
				if (this.headLength >= MAX_HEAD) {
					throw new IOException("Request head over " + MAX_HEAD + " bytes");
				}
				this.head = Arrays.copyOf(this.head, this.head.length * 2);
			}
			this.head[this.headLength++] = (byte) b;
			matched = (b == ((matched % 2 == 0) ? '\r' : '\n')) ? matched + 1 : ((b == '\r') ? 1 : 0);
		}
		return true;
	}

	byte[] head() {
		return this.head;
	}

	int headLength() {
		return this.headLength;
	}

	byte[] readBody(long contentLength, boolean chunked) throws IOException {
		if (chunked) {
			return readChunked();
		}
		if (contentLength <= 0) {
			return new byte[0];
		}
		byte[] body = new byte[Math.toIntExact(contentLength)];
		readFully(body, 0, body.length);
		return body;
	}

	private byte[] readChunked() throws IOException {
		byte[] body = new byte[256];
		int length = 0;
		while (true) {
			int size = Integer.parseInt(readLine().split(";", 2)[0].trim(), 16);
			if (size == 0) {
				while (!readLine().isEmpty()) {
					// trailers: not used by the contenders on /response
				}
				return Arrays.copyOf(body, length);
			}
			if (length + size > body.length) {
				body = Arrays.copyOf(body, Math.max(body.length * 2, length + size));
			}
			readFully(body, length, size);
			length += size;
			readLine();
		}
	}

	private String readLine() throws IOException {
		StringBuilder line = new StringBuilder();
		int b;
		while ((b = read()) != '\n') {
			if (b < 0) {
				throw new EOFException("Connection closed inside a chunked body");
			}
			if (b != '\r') {
				line.append((char) b);
			}
		}
		return line.toString();
	}

	private void readFully(byte[] target, int offset, int length) throws IOException {
		int done = 0;
		while (done < length) {
			if (this.position == this.limit && fill() < 0) {
				throw new EOFException("Connection closed inside a body");
			}
			int n = Math.min(length - done, this.limit - this.position);
			System.arraycopy(this.buffer, this.position, target, offset + done, n);
			this.position += n;
			done += n;
		}
	}

	private int read() throws IOException {
		if (this.position == this.limit && fill() < 0) {
			return -1;
		}
		return this.buffer[this.position++] & 0xFF;
	}

	private int fill() throws IOException {
		int n = this.in.read(this.buffer, 0, this.buffer.length);
		this.position = 0;
		this.limit = Math.max(n, 0);
		return n;
	}

}
