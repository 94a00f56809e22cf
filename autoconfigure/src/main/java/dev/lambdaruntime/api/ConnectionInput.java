package dev.lambdaruntime.api;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * The bytes arriving on one connection, buffered and handed out a whole line or a counted run at a time.
 */
final class ConnectionInput {

	static final int MAX_LINE_BYTES = 16 * 1024;

	private final InputStream input;

	private final byte[] buffer = new byte[MAX_LINE_BYTES];

	private int position;

	private int limit;

	private long bytesReceived;

	private long responseStart;

	ConnectionInput(InputStream input) {
		this.input = input;
	}

	/**
	 * Notes that a new response begins here, so an early end of stream can say whether any of it came.
	 */
	void startResponse() {
		this.responseStart = this.bytesReceived - (this.limit - this.position);
	}

	/**
	 * Bytes received on this connection so far.
	 * @return the count
	 */
	long bytesReceived() {
		return this.bytesReceived;
	}

	/**
	 * Whether received bytes wait to be read.
	 * @return {@code true} when the buffer is not empty
	 */
	boolean hasBufferedBytes() {
		return this.position < this.limit;
	}

	/**
	 * The buffer holding the current line, from {@link #position()}.
	 * @return the buffer; read it, never keep it
	 */
	byte[] buffer() {
		return this.buffer;
	}

	/**
	 * Where the current line starts in {@link #buffer()}.
	 * @return the offset
	 */
	int position() {
		return this.position;
	}

	/**
	 * Buffers the next line whole; it starts at {@link #position()}.
	 * @param kind what the line is, for messages
	 * @return the line's length without its CRLF
	 * @throws IOException when the line does not end with CRLF, is too long, or the stream ends
	 */
	int nextLine(String kind) throws IOException {
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

	/**
	 * Moves past the current line and its CRLF.
	 * @param length the line's length, as {@link #nextLine(String)} gave it
	 */
	void skipLine(int length) {
		this.position += length + 2;
	}

	/**
	 * Reads exactly {@code length} bytes, the buffered ones first, the rest straight into the target.
	 * @param target where the bytes go
	 * @param offset where in the target
	 * @param length how many
	 * @throws IOException when the stream ends first
	 */
	void readFully(byte[] target, int offset, int length) throws IOException {
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
	 * Reads until the peer closes the stream.
	 * @param maxBytes the most bytes accepted
	 * @return the bytes
	 * @throws IOException when there are more than {@code maxBytes}
	 */
	byte[] readToEnd(int maxBytes) throws IOException {
		byte[] bytes = new byte[Math.max(1024, this.limit - this.position)];
		int size = 0;
		while (true) {
			int buffered = this.limit - this.position;
			if (size + (long) buffered > maxBytes) {
				throw new IOException("response body is over the limit of " + maxBytes + " bytes");
			}
			if (size + buffered > bytes.length) {
				bytes = Arrays.copyOf(bytes, (int) Math.min(maxBytes, Math.max(size + buffered, bytes.length * 2L)));
			}
			System.arraycopy(this.buffer, this.position, bytes, size, buffered);
			size += buffered;
			this.position = 0;
			this.limit = 0;
			int read = this.input.read(this.buffer, 0, this.buffer.length);
			if (read < 0) {
				return Arrays.copyOf(bytes, size);
			}
			this.bytesReceived += read;
			this.limit = read;
		}
	}

	/**
	 * Shows buffered bytes in a message: printable ASCII as is, the rest as {@code \xNN}, at most 100 of them.
	 * @param offset where in {@link #buffer()}
	 * @param length how many bytes
	 * @return the quoted text
	 */
	String quote(int offset, int length) {
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

}
