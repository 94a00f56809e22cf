package dev.lambdaruntime.emulator.http;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PushbackInputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * One request on a connection: its head, its body on demand, and a way to see whether the peer went away.
 */
public final class HttpExchange {

	private final HttpHead head;

	private final HttpMessageReader reader;

	private final Socket socket;

	private final PushbackInputStream in;

	private final OutputStream out;

	private final int connection;

	private boolean bodyRead;

	private boolean bodyConsumed = true;

	HttpExchange(HttpHead head, HttpMessageReader reader, Socket socket, PushbackInputStream in, OutputStream out,
			int connection) {
		this.head = head;
		this.connection = connection;
		this.reader = reader;
		this.socket = socket;
		this.in = in;
		this.out = out;
	}

	public HttpHead head() {
		return this.head;
	}

	/**
	 * Which connection carried the request, counting accepted connections from 1.
	 * @return the connection's number
	 */
	public int connection() {
		return this.connection;
	}

	/**
	 * Reads the body, answering {@code Expect: 100-continue} first when the body may be kept.
	 * @param limit the largest body to keep
	 * @return the body
	 * @throws IOException on a framing error or a read failure
	 */
	public HttpBody readBody(long limit) throws IOException {
		this.bodyRead = true;
		if (this.head.expectsContinue()) {
			if (!this.head.chunked() && HttpMessageReader.contentLength(this.head) > limit) {
				this.bodyConsumed = false;
				return HttpBody.tooLarge(false);
			}
			this.out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
			this.out.flush();
		}
		HttpBody body = this.reader.readBody(this.head, limit);
		this.bodyConsumed = body.consumed();
		return body;
	}

	boolean bodyRead() {
		return this.bodyRead;
	}

	boolean bodyConsumed() {
		return this.bodyConsumed;
	}

	/**
	 * Whether the client closed its side; a long poll checks this so a dead runtime never takes an event.
	 * @return {@code true} when the peer is gone
	 */
	public boolean peerClosed() {
		try {
			int timeout = this.socket.getSoTimeout();
			this.socket.setSoTimeout(1);
			try {
				int b = this.in.read();
				if (b == -1) {
					return true;
				}
				this.in.unread(b);
				return false;
			}
			finally {
				this.socket.setSoTimeout(timeout);
			}
		}
		catch (SocketTimeoutException ex) {
			return false;
		}
		catch (IOException ex) {
			return true;
		}
	}

}
