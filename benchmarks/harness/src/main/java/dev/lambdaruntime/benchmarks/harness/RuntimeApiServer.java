package dev.lambdaruntime.benchmarks.harness;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * A measuring Lambda Runtime API on loopback: it hands out queued events on {@code GET /next} (one keep-alive
 * connection per runtime worker, a thread each), times each event from hand-out to answer, and checks every answer,
 * so a broken runtime cannot look fast.
 */
final class RuntimeApiServer implements Closeable {

	private static final String INVOCATION = "/2018-06-01/runtime/invocation/";

	private static final String NEXT = INVOCATION + "next";

	private static final String INIT_ERROR = "/2018-06-01/runtime/init/error";

	private static final String FUNCTION_ARN = "arn:aws:lambda:us-east-1:123456789012:function:benchmark";

	private static final String TRACE_ID = "Root=1-67891233-abcdef012345678912345678;Parent=53995c3f42cd8ad8;Sampled=0";

	private static final long DEADLINE_MS = TimeUnit.MINUTES.toMillis(15);

	private static final byte[] CONTINUE = ascii("HTTP/1.1 100 Continue\r\n\r\n");

	private static final byte[] ACCEPTED = response("202 Accepted", "{\"status\":\"OK\"}");

	private static final byte[] NOT_FOUND = response("404 Not Found",
			"{\"errorMessage\":\"Not found\",\"errorType\":\"NotFound\"}");

	private static final byte[] BAD_REQUEST_ID = response("400 Bad Request",
			"{\"errorMessage\":\"Unknown request id\",\"errorType\":\"InvalidRequestID\"}");

	private static final PendingInvocation CLOSED = new PendingInvocation("closed", new byte[0], new byte[0],
			(invocation) -> {
			});

	private final ServerSocket serverSocket;

	private final BlockingQueue<PendingInvocation> queue = new LinkedBlockingQueue<>();

	private final Map<String, PendingInvocation> inFlight = new ConcurrentHashMap<>();

	private final CountDownLatch firstPoll = new CountDownLatch(1);

	private final AtomicReference<String> problem = new AtomicReference<>();

	private final AtomicLong requestIds = new AtomicLong();

	private final AtomicLong polls = new AtomicLong();

	private final List<Socket> connections = new CopyOnWriteArrayList<>();

	private final List<Thread> threads = new CopyOnWriteArrayList<>();

	private volatile long firstPollNanos;

	private volatile boolean closed;

	RuntimeApiServer() throws IOException {
		this.serverSocket = new ServerSocket(0, 128, InetAddress.getLoopbackAddress());
		start("runtime-api-accept", this::accept);
	}

	/**
	 * The address a runtime gets as {@code AWS_LAMBDA_RUNTIME_API}.
	 * @return {@code host:port}
	 */
	String endpoint() {
		return this.serverSocket.getInetAddress().getHostAddress() + ":" + this.serverSocket.getLocalPort();
	}

	/**
	 * Waits for the first {@code GET /next}.
	 * @param timeoutMillis how long to wait
	 * @return {@link System#nanoTime()} when it arrived, or {@code -1} when it did not within the timeout
	 * @throws InterruptedException when interrupted
	 */
	long awaitFirstPoll(long timeoutMillis) throws InterruptedException {
		return this.firstPoll.await(timeoutMillis, TimeUnit.MILLISECONDS) ? this.firstPollNanos : -1;
	}

	/**
	 * Queues an event to hand out on the next {@code GET /next}.
	 * @param event the event body
	 * @param expected the answer a correct runtime gives (compared as JSON)
	 * @param onDone runs when the answer (or an error) has come back
	 * @return the invocation, to wait on and read the times from
	 */
	PendingInvocation submit(byte[] event, byte[] expected, Consumer<PendingInvocation> onDone) {
		long n = this.requestIds.incrementAndGet();
		String requestId = String.format("8f3ac1d2-0b7e-4c1a-9d5e-%012d", n);
		PendingInvocation invocation = new PendingInvocation(requestId, event, expected, onDone);
		this.queue.add(invocation);
		return invocation;
	}

	/**
	 * The first protocol problem seen: a wrong answer, an unknown request id, an error report.
	 * @return the problem, or {@code null}
	 */
	String problem() {
		return this.problem.get();
	}

	/**
	 * How many {@code GET /next} requests arrived.
	 * @return the count
	 */
	long polls() {
		return this.polls.get();
	}

	@Override
	public void close() {
		this.closed = true;
		try {
			this.serverSocket.close();
		}
		catch (IOException ex) {
			// closing anyway
		}
		for (Socket socket : this.connections) {
			try {
				socket.close();
			}
			catch (IOException ex) {
				// closing anyway
			}
		}
		for (int i = 0; i < this.threads.size(); i++) {
			this.queue.add(CLOSED);
		}
		this.threads.forEach(Thread::interrupt);
	}

	private void accept() {
		while (!this.closed) {
			try {
				Socket socket = this.serverSocket.accept();
				this.connections.add(socket);
				start("runtime-api-connection", () -> serve(socket));
			}
			catch (IOException ex) {
				if (!this.closed) {
					fail("accept failed: " + ex);
				}
			}
		}
	}

	private void serve(Socket socket) {
		try (socket) {
			socket.setTcpNoDelay(true);
			HttpInput in = new HttpInput(socket.getInputStream());
			OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 16 * 1024);
			RequestHead head = new RequestHead();
			while (!this.closed && in.readHead()) {
				head.parse(in.head(), in.headLength());
				if (head.expectContinue) {
					out.write(CONTINUE);
					out.flush();
				}
				byte[] body = in.readBody(head.contentLength, head.chunked);
				long receivedNanos = System.nanoTime();
				if (!dispatch(head, body, receivedNanos, out) || head.close) {
					return;
				}
			}
		}
		catch (SocketException ex) {
			// the runtime went away or the server closed
		}
		catch (IOException ex) {
			if (!this.closed) {
				fail("connection failed: " + ex);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private boolean dispatch(RequestHead head, byte[] body, long receivedNanos, OutputStream out)
			throws IOException, InterruptedException {
		String target = head.target;
		if (head.get && target.equals(NEXT)) {
			return next(out);
		}
		if (head.post && target.startsWith(INVOCATION) && target.endsWith("/response")) {
			answer(target.substring(INVOCATION.length(), target.length() - "/response".length()), body, null,
					receivedNanos, out);
			return true;
		}
		if (head.post && target.startsWith(INVOCATION) && target.endsWith("/error")) {
			answer(target.substring(INVOCATION.length(), target.length() - "/error".length()), null,
					Json.text(body), receivedNanos, out);
			return true;
		}
		if (head.post && target.equals(INIT_ERROR)) {
			fail("init error: " + Json.text(body));
			out.write(ACCEPTED);
			out.flush();
			return true;
		}
		out.write(NOT_FOUND);
		out.flush();
		return true;
	}

	private boolean next(OutputStream out) throws IOException, InterruptedException {
		this.polls.incrementAndGet();
		if (this.firstPollNanos == 0) {
			synchronized (this.firstPoll) {
				if (this.firstPollNanos == 0) {
					this.firstPollNanos = System.nanoTime();
					this.firstPoll.countDown();
				}
			}
		}
		PendingInvocation invocation = this.queue.take();
		if (invocation == CLOSED) {
			return false;
		}
		byte[] event = invocation.event();
		String head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nLambda-Runtime-Aws-Request-Id: "
				+ invocation.requestId() + "\r\nLambda-Runtime-Deadline-Ms: "
				+ (System.currentTimeMillis() + DEADLINE_MS) + "\r\nLambda-Runtime-Invoked-Function-Arn: "
				+ FUNCTION_ARN + "\r\nLambda-Runtime-Trace-Id: " + TRACE_ID + "\r\nContent-Length: " + event.length
				+ "\r\n\r\n";
		this.inFlight.put(invocation.requestId(), invocation);
		out.write(head.getBytes(StandardCharsets.ISO_8859_1));
		out.write(event);
		invocation.handedOut(System.nanoTime());
		out.flush();
		return true;
	}

	private void answer(String requestId, byte[] body, String error, long receivedNanos, OutputStream out)
			throws IOException {
		PendingInvocation invocation = this.inFlight.remove(requestId);
		if (invocation == null) {
			fail("answer for an unknown or already answered request id " + requestId);
			out.write(BAD_REQUEST_ID);
			out.flush();
			return;
		}
		String problem = invocation.answered(receivedNanos, body, error);
		if (problem != null) {
			fail(problem);
		}
		out.write(ACCEPTED);
		out.flush();
		invocation.complete();
	}

	private void fail(String problem) {
		this.problem.compareAndSet(null, problem);
	}

	private void start(String name, Runnable task) {
		Thread thread = new Thread(task, name);
		thread.setDaemon(true);
		this.threads.add(thread);
		thread.start();
	}

	private static byte[] response(String status, String json) {
		return ascii("HTTP/1.1 " + status + "\r\nContent-Type: application/json\r\nContent-Length: " + json.length()
				+ "\r\n\r\n" + json);
	}

	private static byte[] ascii(String text) {
		return text.getBytes(StandardCharsets.US_ASCII);
	}

}
