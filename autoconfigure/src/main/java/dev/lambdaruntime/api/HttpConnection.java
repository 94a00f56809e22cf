package dev.lambdaruntime.api;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Socket;

import org.jspecify.annotations.Nullable;

/**
 * One keep-alive HTTP/1.1 connection to the Runtime API, opened on first use and opened again when the peer dropped
 * it; used by one thread, closed from any.
 */
final class HttpConnection implements Closeable {

	private static final int CONNECT_TIMEOUT_MILLIS = 10_000;

	private final Endpoint endpoint;

	private final RequestWriter writer;

	private volatile boolean closed;

	private volatile @Nullable Socket socket;

	private @Nullable OutputStream output;

	private @Nullable ResponseReader reader;

	HttpConnection(Endpoint endpoint, String userAgent) {
		this.endpoint = endpoint;
		this.writer = new RequestWriter(endpoint.authority(), userAgent);
	}

	/**
	 * Sends a request and reads its response. Reads never time out, as Lambda may freeze the process mid-call. When a
	 * reused connection fails before any byte of the response arrived (the peer closed it while idle), the request
	 * is sent once more on a fresh connection.
	 * @param request the request
	 * @return the response
	 * @throws IOException when the connection fails, the response is malformed, or the client was closed
	 */
	HttpResponse exchange(HttpRequest request) throws IOException {
		checkOpen();
		ResponseReader reused = this.reader;
		if (reused != null) {
			long received = reused.bytesReceived();
			try {
				return send(reused, request);
			}
			catch (IOException ex) {
				disconnect();
				checkOpen(ex);
				if (reused.bytesReceived() != received) {
					throw ex;
				}
			}
		}
		try {
			return send(connect(), request);
		}
		catch (IOException ex) {
			disconnect();
			checkOpen(ex);
			throw ex;
		}
	}

	/**
	 * Sends a request with a streamed body and reads its response. Never sent twice: a stream cannot be replayed, so
	 * a connection that fails is a failure.
	 * @param request the request, with its stream
	 * @return the response, and the stream's own failure if it had one
	 * @throws IOException when the connection fails, the response is malformed, or the client was closed
	 */
	StreamedExchange exchangeStreaming(HttpRequest request) throws IOException {
		checkOpen();
		try {
			ResponseReader reader = (this.reader != null) ? this.reader : connect();
			OutputStream output = this.output;
			if (output == null) {
				throw new IOException("not connected");
			}
			Exception failure = this.writer.writeStreaming(request, output);
			HttpResponse response = checkFraming(reader, reader.read());
			if (!response.keepAlive()) {
				disconnect();
			}
			return new StreamedExchange(response, failure);
		}
		catch (IOException ex) {
			disconnect();
			checkOpen(ex);
			throw ex;
		}
	}

	/**
	 * A streamed request's response, and the stream's own failure.
	 */
	record StreamedExchange(HttpResponse response, @Nullable Exception failure) {
	}

	/**
	 * Closes the connection for good: a call blocked in a read fails at once, and later calls fail.
	 */
	@Override
	public void close() {
		this.closed = true;
		closeQuietly(this.socket);
	}

	private HttpResponse send(ResponseReader reader, HttpRequest request) throws IOException {
		OutputStream output = this.output;
		if (output == null) {
			throw new IOException("not connected");
		}
		this.writer.write(request, output);
		HttpResponse response = checkFraming(reader, reader.read());
		if (!response.keepAlive()) {
			disconnect();
		}
		return response;
	}

	/**
	 * Fails a response that came with bytes it did not declare: the API never pipelines, so they mean its framing
	 * was wrong, and the response may be cut short (an event's payload, say).
	 */
	private static HttpResponse checkFraming(ResponseReader reader, HttpResponse response) throws IOException {
		if (reader.hasBufferedBytes()) {
			throw new IOException("the Runtime API sent more bytes than its " + response.status()
					+ " response declared; its framing is broken");
		}
		return response;
	}

	private ResponseReader connect() throws IOException {
		Socket socket = new Socket();
		this.socket = socket;
		// close() sets closed, then reads socket: one of us sees the other's write.
		if (this.closed) {
			closeQuietly(socket);
			throw closedException(null);
		}
		try {
			socket.setTcpNoDelay(true);
			socket.connect(this.endpoint.address(), CONNECT_TIMEOUT_MILLIS);
		}
		catch (IOException ex) {
			ConnectException failure = new ConnectException(
					"cannot connect to the Runtime API at " + this.endpoint + ": " + ex.getMessage());
			failure.initCause(ex);
			throw failure;
		}
		this.output = socket.getOutputStream();
		ResponseReader reader = new ResponseReader(socket.getInputStream());
		this.reader = reader;
		return reader;
	}

	private void disconnect() {
		this.reader = null;
		this.output = null;
		Socket socket = this.socket;
		this.socket = null;
		closeQuietly(socket);
	}

	private void checkOpen() throws IOException {
		if (this.closed) {
			throw closedException(null);
		}
	}

	private void checkOpen(IOException failure) throws IOException {
		if (this.closed) {
			throw closedException(failure);
		}
	}

	private static IOException closedException(@Nullable IOException cause) {
		return new IOException("client closed", cause);
	}

	private static void closeQuietly(@Nullable Socket socket) {
		if (socket != null) {
			try {
				socket.close();
			}
			catch (IOException ex) {
				// Nothing left to do with a socket we are dropping.
			}
		}
	}

}
