package dev.lambdaruntime.autoconfigure;

import java.time.Duration;

import dev.lambdaruntime.loop.RuntimeLoop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Runs the {@link RuntimeLoop} with the application context: it starts last, once every other bean is ready, and
 * stops first, letting in-flight invocations finish before the rest of the context closes.
 */
final class RuntimeLoopLifecycle implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(RuntimeLoopLifecycle.class);

	private final RuntimeLoop loop;

	private final Duration shutdownGracePeriod;

	private final StartupLine startupLine;

	RuntimeLoopLifecycle(RuntimeLoop loop, Duration shutdownGracePeriod, StartupLine startupLine) {
		this.loop = loop;
		this.shutdownGracePeriod = shutdownGracePeriod;
		this.startupLine = startupLine;
	}

	@Override
	public void start() {
		this.loop.start();
		logger.info(this.startupLine.message());
	}

	@Override
	public void stop() {
		this.loop.stop(this.shutdownGracePeriod);
	}

	@Override
	public boolean isRunning() {
		return this.loop.isRunning();
	}

	@Override
	public int getPhase() {
		return Integer.MAX_VALUE;
	}

	/**
	 * The loop this lifecycle runs.
	 * @return the loop
	 */
	RuntimeLoop loop() {
		return this.loop;
	}

}
