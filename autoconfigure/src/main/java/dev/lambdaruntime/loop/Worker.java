package dev.lambdaruntime.loop;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import dev.lambdaruntime.api.ErrorReport;
import dev.lambdaruntime.api.Invocation;
import dev.lambdaruntime.api.LambdaErrorType;
import dev.lambdaruntime.api.ResponseOutcome;
import dev.lambdaruntime.api.ResponseStream;
import dev.lambdaruntime.api.RuntimeApiClient;
import dev.lambdaruntime.api.RuntimeApiException;
import dev.lambdaruntime.api.StreamedResponse;
import dev.lambdaruntime.api.XRayErrorCause;
import org.jspecify.annotations.Nullable;

/**
 * One worker of the loop: next, handle, answer, again, on its own connection.
 */
final class Worker implements Runnable {

	/** Lambda's buffered response limit: 6 MiB plus 100 bytes. */
	static final int MAX_RESPONSE_BYTES = 6 * 1024 * 1024 + 100;

	private static final System.Logger logger = System.getLogger(Worker.class.getName());

	/** Pauses before polling, or sending an answer, again after the connection failed. */
	private static final long[] RETRY_DELAYS_MS = { 10, 100, 500 };

	/** The function's directory, for X-Ray: the task root on Lambda. */
	private static final String WORKING_DIRECTORY = System.getProperty("user.dir", "");

	private final RuntimeApiClient client;

	private final InvocationHandler handler;

	private final InvocationScope scope;

	private final Consumer<String> fatal;

	private @Nullable Thread thread;

	private volatile boolean stopping;

	private volatile boolean busy;

	private volatile @Nullable Invocation current;

	Worker(RuntimeApiClient client, InvocationHandler handler, InvocationScope scope, Consumer<String> fatal) {
		this.client = client;
		this.handler = handler;
		this.scope = scope;
		this.fatal = fatal;
	}

	void attach(Thread thread) {
		this.thread = thread;
	}

	void start() {
		thread().start();
	}

	@Override
	public void run() {
		try {
			while (!this.stopping) {
				Invocation invocation = next();
				if (invocation == null || !serveInScope(invocation)) {
					return;
				}
			}
		}
		finally {
			this.client.close();
		}
	}

	private @Nullable Invocation next() {
		for (int attempt = 0;; attempt++) {
			try {
				Invocation invocation = this.client.next();
				this.current = invocation;
				this.busy = true;
				return invocation;
			}
			catch (IOException ex) {
				if (this.stopping) {
					return null;
				}
				if (isUnrecoverable(ex) || attempt >= RETRY_DELAYS_MS.length) {
					this.fatal.accept("polling the Runtime API failed: " + ex.getMessage());
					return null;
				}
				logger.log(System.Logger.Level.WARNING, "Polling the Runtime API failed, retrying: " + ex.getMessage());
				if (!pause(RETRY_DELAYS_MS[attempt])) {
					return null;
				}
			}
		}
	}

	private boolean serveInScope(Invocation invocation) {
		this.scope.enter(invocation);
		try {
			return serve(invocation);
		}
		finally {
			this.scope.exit(invocation);
		}
	}

	/**
	 * Handles one invocation and sends its answer.
	 * @return whether the worker may go on
	 */
	private boolean serve(Invocation invocation) {
		try {
			InvocationResponse response;
			try {
				response = this.handler.handle(invocation);
			}
			catch (VirtualMachineError err) {
				// The JVM may be unsafe now: report, then let Lambda replace the environment.
				logger.log(System.Logger.Level.ERROR, "Invocation " + invocation.requestId() + " failed fatally", err);
				answer(invocation, reportFailure(invocation, err));
				this.fatal.accept(err.getClass().getName() + " in invocation " + invocation.requestId());
				return false;
			}
			catch (Throwable ex) {
				logger.log(System.Logger.Level.ERROR, "Invocation " + invocation.requestId() + " failed", ex);
				answer(invocation, reportFailure(invocation, ex));
				return true;
			}
			respond(invocation, response);
			return true;
		}
		catch (IOException ex) {
			if (this.stopping) {
				logger.log(System.Logger.Level.WARNING, "Invocation " + invocation.requestId()
						+ " could not be answered while stopping: " + ex.getMessage());
				return false;
			}
			this.fatal.accept("answering invocation " + invocation.requestId() + " failed: " + ex.getMessage());
			return false;
		}
		finally {
			this.busy = false;
			this.current = null;
		}
	}

	private void respond(Invocation invocation, InvocationResponse response) throws IOException {
		ResponseStream stream = response.stream();
		if (stream != null) {
			StreamedResponse streamed = this.client.respondStreaming(invocation, response.contentType(), stream);
			Exception failure = streamed.failure();
			if (failure != null) {
				logger.log(System.Logger.Level.ERROR,
						"Invocation " + invocation.requestId() + " failed while streaming its response", failure);
			}
			answer(invocation, streamed.outcome());
			return;
		}
		int size = response.body().length;
		ResponseOutcome outcome = (size > MAX_RESPONSE_BYTES) ? ResponseOutcome.PAYLOAD_TOO_LARGE
				: send(invocation, () -> this.client.respond(invocation, response.body(), response.contentType()));
		if (outcome == ResponseOutcome.PAYLOAD_TOO_LARGE) {
			logger.log(System.Logger.Level.ERROR, "Invocation " + invocation.requestId() + " answered " + size
					+ " bytes, over Lambda's limit of " + MAX_RESPONSE_BYTES);
			outcome = send(invocation, () -> this.client.reportError(invocation, tooLarge(size)));
		}
		answer(invocation, outcome);
	}

	private ResponseOutcome reportFailure(Invocation invocation, Throwable failure) throws IOException {
		XRayErrorCause xrayCause = XRayErrorCause.of(failure, WORKING_DIRECTORY);
		ErrorReport report = ErrorReport.ofFunctionError(failure);
		return send(invocation, () -> this.client.reportError(invocation, report, xrayCause));
	}

	/**
	 * Sends a buffered answer, and again on a fresh connection when the connection fails (transport only: a status
	 * is the API's word). Sending twice is safe: the API refuses a second answer to an invocation with 403.
	 */
	private ResponseOutcome send(Invocation invocation, Answer answer) throws IOException {
		for (int attempt = 0;; attempt++) {
			try {
				return answer.send();
			}
			catch (RuntimeApiException ex) {
				throw ex;
			}
			catch (IOException ex) {
				if (this.stopping || attempt >= RETRY_DELAYS_MS.length) {
					throw ex;
				}
				logger.log(System.Logger.Level.WARNING, "Sending the answer to invocation " + invocation.requestId()
						+ " failed, sending it again: " + ex.getMessage());
				if (!pause(RETRY_DELAYS_MS[attempt])) {
					throw ex;
				}
			}
		}
	}

	private static ErrorReport tooLarge(int size) {
		return ErrorReport.of(LambdaErrorType.RESPONSE_SIZE_TOO_LARGE, "Response payload size (" + size
				+ " bytes) exceeded maximum allowed payload size (" + MAX_RESPONSE_BYTES + " bytes).");
	}

	private static void answer(Invocation invocation, ResponseOutcome outcome) {
		switch (outcome) {
			case ACCEPTED, PAYLOAD_TOO_LARGE -> {
			}
			case INVOCATION_GONE -> logger.log(System.Logger.Level.INFO,
					"Invocation " + invocation.requestId() + " timed out or was cancelled before its answer");
			case REJECTED -> logger.log(System.Logger.Level.WARNING,
					"The Runtime API refused the answer to invocation " + invocation.requestId());
		}
	}

	private static boolean isUnrecoverable(IOException ex) {
		return ex instanceof RuntimeApiException api && (api.isContainerError() || api.status() == 403);
	}

	private boolean pause(long millis) {
		try {
			Thread.sleep(millis);
			return !this.stopping;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/**
	 * One attempt at sending an answer.
	 */
	@FunctionalInterface
	private interface Answer {

		ResponseOutcome send() throws IOException;

	}

	void requestStop() {
		this.stopping = true;
		if (!this.busy) {
			// Release the blocked /next; an in-flight invocation finishes and sees the flag instead.
			this.client.close();
		}
	}

	void awaitExit(long timeout, TimeUnit unit) {
		Thread current = thread();
		if (current == Thread.currentThread()) {
			return;
		}
		try {
			current.join(Math.max(1, unit.toMillis(timeout)));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * The invocation this worker is still handling, if its thread is still at it.
	 * @return the invocation, or {@code null} when the worker is idle or gone
	 */
	@Nullable Invocation unfinished() {
		Invocation invocation = this.current;
		return (invocation != null && this.busy && thread().isAlive()) ? invocation : null;
	}

	void close() {
		this.client.close();
	}

	private Thread thread() {
		Thread current = this.thread;
		if (current == null) {
			throw new IllegalStateException("Worker has no thread");
		}
		return current;
	}

}
