package dev.lambdaruntime.api;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;

/**
 * A loopback HTTP/1.1 server for tests: it records every request as it arrived and answers each with the next
 * scripted action (raw response bytes, a close, or a reset).
 */
public final class ScriptedServer implements Closeable {

	private static final long WAIT_SECONDS = 10;

	private final ServerSocket serverSocket;

	private final BlockingQueue<Action> actions = new LinkedBlockingQueue<>();

	private final BlockingQueue<RecordedRequest> requests = new LinkedBlockingQueue<>();

	private final AtomicInteger connections = new AtomicInteger();

	private final List<Socket> sockets = new CopyOnWriteArrayList<>();

	private final List<Thread> threads = new CopyOnWriteArrayList<>();

	private volatile boolean closed;

	public ScriptedServer() throws IOException {
		this.serverSocket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		start(new Thread(this::acceptLoop, "scripted-server-accept"));
	}

	/**
	 * Builds a response with a {@code Content-Length} body.
	 * @param status the status code
	 * @param body the body text
	 * @param headers extra header lines, such as {@code "Content-Type: text/plain"}
	 * @return the raw response
	 */
	public static String response(int status, String body, String... headers) {
		StringBuilder raw = new StringBuilder("HTTP/1.1 ").append(status).append(" Status\r\n");
		for (String header : headers) {
			raw.append(header).append("\r\n");
		}
		raw.append("Content-Length: ").append(body.getBytes(StandardCharsets.UTF_8).length).append("\r\n\r\n");
		return raw.append(body).toString();
	}

	/**
	 * Joins lines with CRLF, as is: the last one gets no CRLF.
	 * @param lines the lines
	 * @return the raw text
	 */
	static String lines(String... lines) {
		return String.join("\r\n", lines);
	}

	public String endpoint() {
		return "127.0.0.1:" + this.serverSocket.getLocalPort();
	}

	int port() {
		return this.serverSocket.getLocalPort();
	}

	/** Answers the next request with these raw bytes (UTF-8) and keeps the connection. */
	public void enqueue(String raw) {
		enqueue(raw.getBytes(StandardCharsets.UTF_8));
	}

	/** Answers the next request with these raw bytes and keeps the connection. */
	void enqueue(byte[] raw) {
		this.actions.add(new Action(raw, false, false));
	}

	/** Answers the next request with these raw bytes (UTF-8), then closes the connection. */
	public void enqueueThenClose(String raw) {
		this.actions.add(new Action(raw.getBytes(StandardCharsets.UTF_8), true, false));
	}

	/** Reads the next request and closes the connection without answering. */
	public void enqueueClose() {
		this.actions.add(new Action(new byte[0], true, false));
	}

	/** Reads the next request and resets the connection (TCP RST) without answering. */
	void enqueueReset() {
		this.actions.add(new Action(new byte[0], true, true));
	}

	/**
	 * The next request received, waiting a while for it.
	 * @return the request
	 * @throws AssertionError when none came
	 */
	public RecordedRequest takeRequest() throws InterruptedException {
		RecordedRequest request = this.requests.poll(WAIT_SECONDS, TimeUnit.SECONDS);
		if (request == null) {
			throw new AssertionError("no request within " + WAIT_SECONDS + " seconds");
		}
		return request;
	}

	/**
	 * How many connections were accepted so far.
	 * @return the count
	 */
	public int connectionCount() {
		return this.connections.get();
	}

	/**
	 * How many requests were recorded and not yet taken.
	 * @return the count
	 */
	public int pendingRequests() {
		return this.requests.size();
	}

	@Override
	public void close() throws IOException {
		this.closed = true;
		this.serverSocket.close();
		for (Socket socket : this.sockets) {
			socket.close();
		}
		for (Thread thread : this.threads) {
			thread.interrupt();
		}
	}

	private void acceptLoop() {
		while (!this.closed) {
			try {
				Socket socket = this.serverSocket.accept();
				int connection = this.connections.incrementAndGet();
				this.sockets.add(socket);
				start(new Thread(() -> serve(socket, connection), "scripted-server-" + connection));
			}
			catch (IOException ex) {
				return;
			}
		}
	}

	private void serve(Socket socket, int connection) {
		try (socket) {
			InputStream input = new BufferedInputStream(socket.getInputStream());
			while (!this.closed) {
				RecordedRequest request = readRequest(input, connection);
				if (request == null) {
					return;
				}
				this.requests.add(request);
				Action action = this.actions.take();
				if (action.reset()) {
					socket.setSoLinger(true, 0);
					return;
				}
				socket.getOutputStream().write(action.bytes());
				socket.getOutputStream().flush();
				if (action.close()) {
					return;
				}
			}
		}
		catch (IOException | InterruptedException ex) {
			// The client went away or the server is closing.
		}
	}

	private @Nullable RecordedRequest readRequest(InputStream input, int connection) throws IOException {
		String requestLine = readLine(input);
		if (requestLine == null) {
			return null;
		}
		List<String[]> headers = new ArrayList<>();
		int contentLength = 0;
		for (String line = readLine(input); line != null && !line.isEmpty(); line = readLine(input)) {
			int colon = line.indexOf(':');
			String name = line.substring(0, colon);
			String value = line.substring(colon + 1).trim();
			headers.add(new String[] { name, value });
			if (name.equalsIgnoreCase("Content-Length")) {
				contentLength = Integer.parseInt(value);
			}
		}
		byte[] body = input.readNBytes(contentLength);
		return new RecordedRequest(requestLine, headers, body, connection);
	}

	private static @Nullable String readLine(InputStream input) throws IOException {
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		for (int b = input.read(); b != -1; b = input.read()) {
			if (b == '\n') {
				byte[] bytes = line.toByteArray();
				if (bytes.length == 0 || bytes[bytes.length - 1] != '\r') {
					throw new IOException("request line does not end with CRLF");
				}
				return new String(bytes, 0, bytes.length - 1, StandardCharsets.UTF_8);
			}
			line.write(b);
		}
		return null;
	}

	private void start(Thread thread) {
		thread.setDaemon(true);
		this.threads.add(thread);
		thread.start();
	}

	private record Action(byte[] bytes, boolean close, boolean reset) {
	}

	/**
	 * One request as the server read it.
	 *
	 * @param requestLine the request line, such as {@code GET /x HTTP/1.1}
	 * @param headers the header names and values in arrival order
	 * @param body the body bytes
	 * @param connection which accepted connection carried it, counting from 1
	 */
	public record RecordedRequest(String requestLine, List<String[]> headers, byte[] body, int connection) {

		@Nullable String header(String name) {
			List<String> values = headers(name);
			return values.isEmpty() ? null : values.get(0);
		}

		public List<String> headers(String name) {
			List<String> values = new ArrayList<>();
			for (String[] header : this.headers) {
				if (header[0].equalsIgnoreCase(name)) {
					values.add(header[1]);
				}
			}
			return values;
		}

		List<String> headerNames() {
			return this.headers.stream().map((header) -> header[0]).toList();
		}

		public String bodyText() {
			return new String(this.body, StandardCharsets.UTF_8);
		}

	}

}
