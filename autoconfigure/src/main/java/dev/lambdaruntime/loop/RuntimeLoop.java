package dev.lambdaruntime.loop;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import dev.lambdaruntime.api.ErrorReport;
import dev.lambdaruntime.api.Invocation;
import dev.lambdaruntime.api.LambdaErrorType;
import dev.lambdaruntime.api.RuntimeApiClient;
import org.jspecify.annotations.Nullable;

/**
 * Serves invocations from the Lambda Runtime API: N non-daemon workers, each with its own connection, each taking an
 * event, handing it to the {@link InvocationHandler} and sending the answer, until stopped or a fatal error.
 */
public final class RuntimeLoop {

	private static final System.Logger logger = System.getLogger(RuntimeLoop.class.getName());

	private final Supplier<RuntimeApiClient> clients;

	private final InvocationHandler handler;

	private final int workerCount;

	private final ExitHandler exitHandler;

	private final InvocationScope scope;

	private final @Nullable CheckpointHooks checkpointHooks;

	private final List<Worker> workers = new ArrayList<>();

	private volatile boolean running;

	private volatile boolean exiting;

	private RuntimeLoop(Builder builder) {
		this.clients = builder.clients;
		this.handler = builder.handler;
		this.workerCount = builder.workerCount;
		this.exitHandler = builder.exitHandler;
		this.scope = builder.scope;
		this.checkpointHooks = builder.checkpointHooks;
	}

	/**
	 * Starts a loop: one worker that exits the JVM on a fatal error, with no scope and no SnapStart hooks, until told
	 * otherwise.
	 * @param clients makes one Runtime API client per worker (and one for the SnapStart restore sequence)
	 * @param handler handles every invocation; must be thread-safe with more than one worker
	 * @return a builder
	 */
	public static Builder builder(Supplier<RuntimeApiClient> clients, InvocationHandler handler) {
		return new Builder(clients, handler);
	}

	/**
	 * Starts the workers; each polls {@code /next} at once. Under SnapStart the restore sequence runs first, on the
	 * calling thread, which returns once this copy is restored (or the runtime is exiting).
	 */
	public synchronized void start() {
		if (this.running || this.exiting) {
			return;
		}
		if (this.checkpointHooks != null) {
			String failure = new RestoreSequence(this.checkpointHooks).run(this.clients.get());
			if (failure != null) {
				fail(failure);
				return;
			}
		}
		for (int i = 1; i <= this.workerCount; i++) {
			Worker worker = new Worker(this.clients.get(), this.handler, this.scope, this::fail);
			Thread thread = new Thread(worker, "lambda-runtime-" + i);
			thread.setDaemon(false);
			worker.attach(thread);
			this.workers.add(worker);
		}
		this.running = true;
		this.workers.forEach(Worker::start);
	}

	/**
	 * Stops polling, lets in-flight invocations finish within {@code grace}, then closes every connection. One still
	 * running is left to the platform, which reports it when the process ends.
	 * @param grace how long to wait for in-flight invocations
	 */
	public void stop(Duration grace) {
		stop(grace, false);
	}

	/**
	 * Stops as {@link #stop(Duration)} does, but reports each invocation still running after {@code grace} as failed
	 * ({@code Runtime.ExitError}) before closing: what Lambda's SIGTERM asks for, as the process is about to go.
	 * @param grace how long to wait for in-flight invocations
	 */
	public void shutDown(Duration grace) {
		stop(grace, true);
	}

	private synchronized void stop(Duration grace, boolean reportUnfinished) {
		if (!this.running) {
			return;
		}
		this.running = false;
		this.workers.forEach(Worker::requestStop);
		long deadline = System.nanoTime() + grace.toNanos();
		for (Worker worker : this.workers) {
			worker.awaitExit(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
		}
		List<Invocation> unfinished = this.workers.stream().map(Worker::unfinished).filter(Objects::nonNull).toList();
		if (reportUnfinished && !unfinished.isEmpty()) {
			reportUnfinished(unfinished, grace);
		}
		this.workers.forEach(Worker::close);
		this.workers.clear();
	}

	/**
	 * Whether the workers are running.
	 * @return {@code true} between {@link #start()} and {@link #stop(Duration)} or {@link #shutDown(Duration)}
	 */
	public boolean isRunning() {
		return this.running;
	}

	/**
	 * Number of workers this loop runs.
	 * @return the worker count
	 */
	public int workerCount() {
		return this.workerCount;
	}

	private void reportUnfinished(List<Invocation> unfinished, Duration grace) {
		try (RuntimeApiClient client = this.clients.get()) {
			for (Invocation invocation : unfinished) {
				String message = "The runtime is shutting down: invocation " + invocation.requestId()
						+ " did not finish within the grace period of " + grace.toMillis() + " ms";
				logger.log(System.Logger.Level.WARNING, message + "; reporting it as failed");
				try {
					client.reportError(invocation, ErrorReport.of(LambdaErrorType.EXIT_ERROR, message));
				}
				catch (IOException ex) {
					logger.log(System.Logger.Level.WARNING,
							"Could not report invocation " + invocation.requestId() + " as failed: " + ex.getMessage());
				}
			}
		}
	}

	private void fail(String reason) {
		if (this.exiting) {
			return;
		}
		this.exiting = true;
		logger.log(System.Logger.Level.ERROR, "Lambda runtime cannot go on: " + reason + "; exiting");
		// Exit from a thread of its own: the shutdown hooks stop this loop, which waits for the workers.
		Thread exit = new Thread(() -> this.exitHandler.exit(1, reason), "lambda-runtime-exit");
		exit.start();
	}

	/**
	 * Builds a {@link RuntimeLoop}, one named option at a time.
	 */
	public static final class Builder {

		private final Supplier<RuntimeApiClient> clients;

		private final InvocationHandler handler;

		private int workerCount = 1;

		private ExitHandler exitHandler = ExitHandler.SYSTEM;

		private InvocationScope scope = InvocationScope.NONE;

		private @Nullable CheckpointHooks checkpointHooks;

		private Builder(Supplier<RuntimeApiClient> clients, InvocationHandler handler) {
			this.clients = clients;
			this.handler = handler;
		}

		/**
		 * How many invocations to serve at once, each on its own worker and connection.
		 * @param workerCount at least 1
		 * @return this builder
		 */
		public Builder workers(int workerCount) {
			if (workerCount < 1) {
				throw new IllegalArgumentException("workerCount must be at least 1, but was " + workerCount);
			}
			this.workerCount = workerCount;
			return this;
		}

		/**
		 * What ends the process after a fatal error.
		 * @param exitHandler the exit handler
		 * @return this builder
		 */
		public Builder exitHandler(ExitHandler exitHandler) {
			this.exitHandler = exitHandler;
			return this;
		}

		/**
		 * What brackets each invocation on its worker's thread, from the event's arrival until its answer is sent.
		 * @param scope the scope
		 * @return this builder
		 */
		public Builder scope(InvocationScope scope) {
			this.scope = scope;
			return this;
		}

		/**
		 * For an environment Lambda snapshots (SnapStart): {@link #start()} runs these hooks around
		 * {@code /runtime/restore/next} before the workers ask for events.
		 * @param checkpointHooks what runs around the snapshot, or {@code null} when Lambda takes none
		 * @return this builder
		 */
		public Builder checkpointHooks(@Nullable CheckpointHooks checkpointHooks) {
			this.checkpointHooks = checkpointHooks;
			return this;
		}

		/**
		 * The loop, not yet started.
		 * @return the loop
		 */
		public RuntimeLoop build() {
			return new RuntimeLoop(this);
		}

	}

}
