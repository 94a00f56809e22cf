package dev.lambdaruntime.autoconfigure;

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

	private final @Nullable String endpoint;

	private final GracefulShutdown shutdown;

	private final boolean trapSigterm;

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
		this.endpoint = endpoint;
		this.shutdown = shutdown;
		this.trapSigterm = trapSigterm;
	}

	@Override
	public void start() {
		this.running = true;
		if (this.endpoint == null) {
			logger.debug("No Lambda Runtime API to register the internal extension with");
			return;
		}
		this.extension = InternalExtension.register(this.endpoint);
		if (this.extension != null && this.trapSigterm) {
			this.shutdown.trapSigterm();
		}
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
