package dev.lambdaruntime.emulator.http;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;

/**
 * A way to send a response badly, for fault injection: lose the connection, answer slowly, or break HTTP/1.1 framing.
 * Every fault that breaks framing closes the connection afterwards, so a client never waits for bytes that will not
 * come.
 */
public final class WireFault {

	/** How many header fields an oversized head has, of {@value #OVERSIZED_FIELD_BYTES} bytes each. */
	static final int OVERSIZED_FIELDS = 120;

	static final int OVERSIZED_FIELD_BYTES = 1024;

	private final Kind kind;

	private final Duration pause;

	private final int bytes;

	private WireFault(Kind kind, Duration pause, int bytes) {
		this.kind = kind;
		this.pause = pause;
		this.bytes = bytes;
	}

	/** Closes the connection without answering. */
	public static WireFault close() {
		return new WireFault(Kind.CLOSE, Duration.ZERO, 0);
	}

	/** Resets the connection (TCP RST) without answering. */
	public static WireFault reset() {
		return new WireFault(Kind.RESET, Duration.ZERO, 0);
	}

	/** Answers as if the connection were kept, then closes it. */
	public static WireFault closeAfter() {
		return new WireFault(Kind.CLOSE_AFTER, Duration.ZERO, 0);
	}

	/** Answers after a pause. */
	public static WireFault stall(Duration pause) {
		return new WireFault(Kind.STALL, pause, 0);
	}

	/** Answers {@code bytes} at a time, pausing between writes. */
	public static WireFault trickle(int bytes, Duration pause) {
		return new WireFault(Kind.TRICKLE, pause, bytes);
	}

	/** Sends half the answer (half the body, or half the head without a body), then closes. */
	public static WireFault truncate() {
		return new WireFault(Kind.TRUNCATE, Duration.ZERO, 0);
	}

	/** Sends a status line that is not HTTP/1.1, then closes. */
	public static WireFault malformedStatusLine() {
		return new WireFault(Kind.MALFORMED_STATUS_LINE, Duration.ZERO, 0);
	}

	/** Sends a header line without a colon, then closes. */
	public static WireFault malformedHeaders() {
		return new WireFault(Kind.MALFORMED_HEADERS, Duration.ZERO, 0);
	}

	/** Sends {@value #OVERSIZED_FIELDS} header fields of 1 KB each, then closes. */
	public static WireFault oversizedHeaders() {
		return new WireFault(Kind.OVERSIZED_HEADERS, Duration.ZERO, 0);
	}

	/** Declares a {@code Content-Length} one short of the body (one over for none), then closes. */
	public static WireFault wrongContentLength() {
		return new WireFault(Kind.WRONG_CONTENT_LENGTH, Duration.ZERO, 0);
	}

	/** Sends the body as one chunk whose declared size is one byte more than it has, then closes. */
	public static WireFault brokenChunking() {
		return new WireFault(Kind.BROKEN_CHUNKING, Duration.ZERO, 0);
	}

	/**
	 * Sends the response this way.
	 * @param response the response
	 * @param socket its connection
	 * @param out the connection's output
	 * @param keepAlive whether the connection would have been kept
	 * @param pauses waits, or gives up when the server closes
	 * @return whether the connection may carry another request
	 * @throws IOException when the peer went away
	 */
	boolean write(HttpResponse response, Socket socket, OutputStream out, boolean keepAlive, Pauses pauses)
			throws IOException {
		byte[] body = response.body();
		switch (this.kind) {
			case CLOSE -> {
				return false;
			}
			case RESET -> {
				socket.setSoLinger(true, 0);
				return false;
			}
			case CLOSE_AFTER -> {
				response.writeTo(out, true);
				return false;
			}
			case STALL -> {
				if (!pauses.pause(this.pause)) {
					return false;
				}
				response.writeTo(out, keepAlive);
				return keepAlive;
			}
			case TRICKLE -> {
				return trickle(join(response.head(keepAlive, contentLength(body.length)), body), out, pauses)
						&& keepAlive;
			}
			case TRUNCATE -> {
				byte[] head = response.head(true, contentLength(body.length));
				byte[] whole = join(head, body);
				out.write(whole, 0, (body.length > 0) ? head.length + body.length / 2 : head.length / 2);
			}
			case MALFORMED_STATUS_LINE -> {
				byte[] head = response.head(true, contentLength(body.length));
				int statusLine = response.statusLine().length();
				out.write(ascii("HTTP/1.1 2x" + response.statusLine().substring(10)));
				out.write(head, statusLine, head.length - statusLine);
				out.write(body);
			}
			case MALFORMED_HEADERS -> {
				out.write(response.head(true, "Lambda-Runtime-Broken header without a colon\r\n"
						+ contentLength(body.length)));
				out.write(body);
			}
			case OVERSIZED_HEADERS -> {
				StringBuilder fields = new StringBuilder();
				for (int i = 0; i < OVERSIZED_FIELDS; i++) {
					String name = "X-Oversized-" + i + ": ";
					fields.append(name).append("x".repeat(OVERSIZED_FIELD_BYTES - name.length() - 2)).append("\r\n");
				}
				out.write(response.head(true, fields + contentLength(body.length)));
				out.write(body);
			}
			case WRONG_CONTENT_LENGTH -> {
				out.write(response.head(true, contentLength((body.length > 0) ? body.length - 1 : 1)));
				out.write(body);
			}
			case BROKEN_CHUNKING -> {
				out.write(response.head(true, "Transfer-Encoding: chunked\r\n"));
				out.write(ascii(Integer.toHexString(body.length + 1) + "\r\n"));
				out.write(body);
				out.write(ascii("\r\n0\r\n\r\n"));
			}
		}
		out.flush();
		return false;
	}

	private boolean trickle(byte[] message, OutputStream out, Pauses pauses) throws IOException {
		for (int from = 0; from < message.length; from += this.bytes) {
			if (from > 0 && !pauses.pause(this.pause)) {
				return false;
			}
			out.write(message, from, Math.min(this.bytes, message.length - from));
			out.flush();
		}
		return true;
	}

	@Override
	public String toString() {
		return "WireFault[" + this.kind + "]";
	}

	private static String contentLength(int length) {
		return "Content-Length: " + length + "\r\n";
	}

	private static byte[] join(byte[] head, byte[] body) {
		byte[] whole = Arrays.copyOf(head, head.length + body.length);
		System.arraycopy(body, 0, whole, head.length, body.length);
		return whole;
	}

	private static byte[] ascii(String text) {
		return text.getBytes(StandardCharsets.US_ASCII);
	}

	/**
	 * Waits that end early when the server closes.
	 */
	@FunctionalInterface
	interface Pauses {

		/**
		 * Waits.
		 * @param duration how long
		 * @return {@code false} when the server closed meanwhile
		 */
		boolean pause(Duration duration);

	}

	private enum Kind {

		CLOSE, RESET, CLOSE_AFTER, STALL, TRICKLE, TRUNCATE, MALFORMED_STATUS_LINE, MALFORMED_HEADERS,
		OVERSIZED_HEADERS, WRONG_CONTENT_LENGTH, BROKEN_CHUNKING

	}

}
