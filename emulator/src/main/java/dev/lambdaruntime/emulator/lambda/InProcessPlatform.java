package dev.lambdaruntime.emulator.lambda;

import java.time.Duration;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The platform of an in-process emulator: there is no runtime process to watch, so it writes {@code START},
 * {@code END} and {@code REPORT} into each invocation's log tail, and at shutdown runs the shutdown listeners where
 * Lambda would send SIGTERM.
 */
final class InProcessPlatform implements InvocationListener {

	private final PlatformLog log;

	private final List<Runnable> shutdownListeners = new CopyOnWriteArrayList<>();

	InProcessPlatform(PlatformLog log) {
		this.log = log;
	}

	PlatformLog log() {
		return this.log;
	}

	void addShutdownListener(Runnable listener) {
		this.shutdownListeners.add(listener);
	}

	@Override
	public void started(Invocation invocation) {
		this.log.start(invocation);
	}

	@Override
	public void finished(Invocation invocation, Outcome outcome) {
		this.log.finish(invocation, outcome, OptionalDouble.empty(), OptionalDouble.empty(), OptionalLong.empty());
	}

	/**
	 * Runs the shutdown listeners on a thread of their own, as a signal handler would, and waits for them up to the
	 * budget; a thread cannot be killed, so one that runs over keeps running.
	 */
	@Override
	public boolean terminate(ShutdownReason reason, Duration budget) {
		Thread sigterm = new Thread(() -> this.shutdownListeners.forEach(Runnable::run), "lambda-emulator-sigterm");
		sigterm.setDaemon(true);
		sigterm.start();
		try {
			sigterm.join(budget.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return !sigterm.isAlive();
	}

}
