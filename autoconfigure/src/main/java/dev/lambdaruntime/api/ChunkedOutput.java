package dev.lambdaruntime.api;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.jspecify.annotations.Nullable;

/**
 * HTTP/1.1 chunked framing over the connection: each write is one chunk, and the end is either the last chunk or the
 * last chunk with the Runtime API's error trailers. Remembers whether the connection itself failed, so that a
 * function's failure and a broken connection stay apart.
 */
final class ChunkedOutput extends OutputStream {

	private final OutputStream output;

	private boolean finished;

	private @Nullable IOException connectionFailure;

	ChunkedOutput(OutputStream output) {
		this.output = output;
	}

	@Override
	public void write(int b) throws IOException {
		write(new byte[] { (byte) b }, 0, 1);
	}

	@Override
	public void write(byte[] bytes, int offset, int length) throws IOException {
		if (this.finished) {
			throw new IOException("The response stream has ended");
		}
		if (length == 0) {
			// A zero-length chunk would end the body.
			return;
		}
		send(ascii(Integer.toHexString(length) + "\r\n"), bytes, offset, length, ascii("\r\n"));
	}

	@Override
	public void flush() throws IOException {
		guard(this.output::flush);
	}

	@Override
	public void close() {
		// The runtime ends the body; the function cannot.
	}

	void finish() throws IOException {
		this.finished = true;
		send(ascii("0\r\n\r\n"));
	}

	void finishWithError(ErrorReport error) throws IOException {
		this.finished = true;
		String body = Base64.getEncoder().encodeToString(error.toJson());
		send(ascii("0\r\n" + RuntimeApiHeaders.FUNCTION_ERROR_TYPE + ": " + headerSafe(error.errorType()) + "\r\n"
				+ RuntimeApiHeaders.FUNCTION_ERROR_BODY + ": " + body + "\r\n\r\n"));
	}

	@Nullable IOException connectionFailure() {
		return this.connectionFailure;
	}

	private void send(byte[]... parts) throws IOException {
		guard(() -> {
			for (byte[] part : parts) {
				this.output.write(part);
			}
			this.output.flush();
		});
	}

	private void send(byte[] head, byte[] bytes, int offset, int length, byte[] tail) throws IOException {
		guard(() -> {
			this.output.write(head);
			this.output.write(bytes, offset, length);
			this.output.write(tail);
			this.output.flush();
		});
	}

	private void guard(IoAction action) throws IOException {
		try {
			action.run();
		}
		catch (IOException ex) {
			this.connectionFailure = ex;
			throw ex;
		}
	}

	private static String headerSafe(String value) {
		StringBuilder safe = new StringBuilder(value.length());
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			safe.append((c < 0x20 || c > 0x7E) ? '?' : c);
		}
		return safe.toString();
	}

	private static byte[] ascii(String text) {
		return text.getBytes(StandardCharsets.US_ASCII);
	}

	@FunctionalInterface
	private interface IoAction {

		void run() throws IOException;

	}

}
