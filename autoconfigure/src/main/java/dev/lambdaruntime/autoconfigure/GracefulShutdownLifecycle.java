package dev.lambdaruntime.autoconfigure;

import java.util.concurrent.CompletableFuture;

import dev.lambdaruntime.shutdown.GracefulShutdown;
import dev.lambdaruntime.shutdown.InternalExtension;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Registers the runtime's internal extension as the application starts, a phase before the runtime loop's first poll
 * (and its SnapStart restore), so that Lambda sends SIGTERM before SIGKILL; then lets SIGTERM run the graceful
 * shutdown. It stops after the loop: the extension's long poll ends with the context.
 */
final class GracefulShutdownLifecycle implements SmartLifecycle {

	/** Just before {@link RuntimeLoopLifecycle}, which starts last. */
	static final int PHASE = Integer.MAX_VALUE - 1;

	private static final Logger logger = LoggerFactory.getLogger(GracefulShutdownLifecycle.class);

	private final GracefulShutdown shutdown;

	private final boolean trapSigterm;

	private final @Nullable CompletableFuture<@Nullable InternalExtension> registration;

	private @Nullable InternalExtension extension;

	private volatile boolean running;

	/**
	 * A lifecycle for one application.
	 * @param endpoint the Runtime API's {@code host:port}, or {@code null} when there is none to register with
	 * @param shutdown what SIGTERM runs
	 * @param trapSigterm whether SIGTERM is this application's to take: only when Lambda gave the process its Runtime
	 * API ({@code AWS_LAMBDA_RUNTIME_API}), not for one named by {@code lambda.runtime.api} (tests, embedded emulators)
	 */
	GracefulShutdownLifecycle(@Nullable String endpoint, GracefulShutdown shutdown, boolean trapSigterm) {
		this.shutdown = shutdown;
		this.trapSigterm = trapSigterm;
		// Registered while the rest of the context is made: the first request loads and warms the HTTP client, which
		// is cheaper beside the context's own work than before the loop's first poll.
		this.registration = (endpoint != null) ? register(endpoint) : null;
	}

	/**
	 * Waits for the registration, which must be done before the loop's first poll, and takes over SIGTERM.
	 */
	@Override
	public void start() {
		this.running = true;
		if (this.registration == null) {
			logger.debug("No Lambda Runtime API to register the internal extension with");
			return;
		}
		long start = System.nanoTime();
		this.extension = this.registration.join();
		if (this.extension != null && this.trapSigterm) {
			this.shutdown.trapSigterm();
		}
		logger.debug("Graceful shutdown ready in {} µs: extension {}, SIGTERM {}", (System.nanoTime() - start) / 1000,
				(this.extension != null) ? "registered" : "not registered",
				(this.extension != null && this.trapSigterm) ? "taken over" : "left to the JVM");
	}

	private static CompletableFuture<@Nullable InternalExtension> register(String endpoint) {
		return CompletableFuture.supplyAsync(() -> InternalExtension.register(endpoint), (task) -> {
			Thread thread = new Thread(task, "lambda-runtime-extension-registration");
			thread.setDaemon(true);
			thread.start();
		});
	}

	@Override
	public void stop() {
		this.running = false;
		if (this.extension != null) {
			this.extension.close();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

	/**
	 * Whether the internal extension registered.
	 * @return {@code true} once Lambda accepted it
	 */
	boolean registered() {
		return this.extension != null;
	}

}
