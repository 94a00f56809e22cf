package dev.lambdaruntime.emulator.http;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PushbackInputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A small HTTP/1.1 server on raw sockets, a thread per connection; closing it closes every connection.
 */
public final class LoopbackServer implements Closeable {

	private static final long DRAIN_LIMIT = 1024 * 1024;

	private final HttpHandler handler;

	private final Function<String, HttpResponse> badRequest;

	private final int readTimeoutMillis;

	private final Set<Socket> connections = ConcurrentHashMap.newKeySet();

	private final AtomicInteger connectionCount = new AtomicInteger();

	private final ServerSocket serverSocket;

	private final CountDownLatch closing = new CountDownLatch(1);

	private volatile boolean closed;

	/**
	 * Binds the address and starts accepting connections.
	 * @param address the address to listen on
	 * @param port the port, 0 for a free one
	 * @param handler what answers each request
	 * @param badRequest the answer to a request that breaks HTTP/1.1 framing, given the reason; the connection then
	 * closes
	 * @param readTimeout how long a started request may take to arrive
	 * @throws IOException when the port cannot be bound
	 */
	public LoopbackServer(InetAddress address, int port, HttpHandler handler, Function<String, HttpResponse> badRequest,
			Duration readTimeout) throws IOException {
		this.handler = handler;
		this.badRequest = badRequest;
		this.readTimeoutMillis = (int) Math.min(Integer.MAX_VALUE, readTimeout.toMillis());
		this.serverSocket = new ServerSocket();
		this.serverSocket.setReuseAddress(true);
		this.serverSocket.bind(new InetSocketAddress(address, port), 128);
		Thread acceptor = new Thread(this::acceptLoop, "lambda-emulator-accept-" + this.serverSocket.getLocalPort());
		acceptor.setDaemon(true);
		acceptor.start();
	}

	public int port() {
		return this.serverSocket.getLocalPort();
	}

	@Override
	public void close() {
		this.closed = true;
		this.closing.countDown();
		closeQuietly(this.serverSocket);
		this.connections.forEach(LoopbackServer::closeQuietly);
	}

	private void acceptLoop() {
		while (!this.closed) {
			try {
				Socket socket = this.serverSocket.accept();
				this.connections.add(socket);
				if (this.closed) {
					closeQuietly(socket);
					return;
				}
				int connection = this.connectionCount.incrementAndGet();
				Thread thread = new Thread(() -> serve(socket, connection), "lambda-emulator-http-" + connection);
				thread.setDaemon(true);
				thread.start();
			}
			catch (IOException ex) {
				// Closed, or a failed accept: the loop condition decides.
			}
		}
	}

	private void serve(Socket socket, int connection) {
		try (socket) {
			socket.setTcpNoDelay(true);
			PushbackInputStream in = new PushbackInputStream(new BufferedInputStream(socket.getInputStream()));
			OutputStream out = new BufferedOutputStream(socket.getOutputStream());
			HttpMessageReader reader = new HttpMessageReader(in);
			while (!this.closed) {
				socket.setSoTimeout(0);
				int first = in.read();
				if (first == -1) {
					return;
				}
				in.unread(first);
				socket.setSoTimeout(this.readTimeoutMillis);
				if (!serveOne(socket, connection, reader, in, out)) {
					return;
				}
			}
		}
		catch (IOException ex) {
			// The peer went away or timed out: nothing left to answer.
		}
		finally {
			this.connections.remove(socket);
		}
	}

	private boolean serveOne(Socket socket, int connection, HttpMessageReader reader, PushbackInputStream in,
			OutputStream out) throws IOException {
		try {
			HttpHead head = reader.readHead();
			if (head == null) {
				return false;
			}
			HttpExchange exchange = new HttpExchange(head, reader, socket, in, out, connection);
			HttpResponse response = this.handler.handle(exchange);
			if (response == null || this.closed) {
				return false;
			}
			boolean keepAlive = head.keepAlive() && !response.closesConnection() && exchange.bodyConsumed();
			if (keepAlive && !exchange.bodyRead()) {
				keepAlive = !reader.readBody(head, DRAIN_LIMIT).tooLarge();
			}
			WireFault fault = response.fault();
			if (fault != null) {
				return fault.write(response, socket, out, keepAlive, this::pause);
			}
			response.writeTo(out, keepAlive);
			return keepAlive;
		}
		catch (BadRequestException ex) {
			this.badRequest.apply(ex.getMessage()).closeConnection().writeTo(out, false);
			return false;
		}
		catch (SocketTimeoutException ex) {
			return false;
		}
	}

	private boolean pause(Duration duration) {
		try {
			return !this.closing.await(duration.toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private static void closeQuietly(Closeable closeable) {
		try {
			closeable.close();
		}
		catch (IOException ex) {
			// Closing anyway.
		}
	}

}
