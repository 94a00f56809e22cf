package dev.lambdaruntime.shutdown;

import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches a shutdown against its budget: if it is still running near the end, says what was still running, so that
 * the log explains the SIGKILL that follows.
 */
final class ShutdownWatchdog implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(ShutdownWatchdog.class);

	private static final int FRAMES = 6;

	private final CountDownLatch done = new CountDownLatch(1);

	private final Thread shutdownThread;

	private final long budgetMillis;

	/**
	 * Starts watching the calling thread.
	 * @param alarmNanos when to speak up, from now
	 * @param budgetMillis the whole budget, for the message
	 */
	ShutdownWatchdog(long alarmNanos, long budgetMillis) {
		this.shutdownThread = Thread.currentThread();
		this.budgetMillis = budgetMillis;
		Thread watcher = new Thread(() -> watch(alarmNanos), "lambda-runtime-shutdown-watchdog");
		watcher.setDaemon(true);
		watcher.start();
	}

	/**
	 * The shutdown finished: nothing to say.
	 */
	@Override
	public void close() {
		this.done.countDown();
	}

	private void watch(long alarmNanos) {
		try {
			if (this.done.await(alarmNanos, TimeUnit.NANOSECONDS)) {
				return;
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return;
		}
		logger.warn("Shutdown is running over its budget of " + this.budgetMillis
				+ " ms; Lambda's SIGKILL comes next. Still running:\n" + stillRunning());
		System.out.flush();
		System.err.flush();
	}

	/**
	 * The shutdown's own thread and every other non-daemon thread (the loop's workers among them), each with its top
	 * frames.
	 */
	private String stillRunning() {
		return Thread.getAllStackTraces()
			.entrySet()
			.stream()
			.filter((entry) -> entry.getKey() == this.shutdownThread
					|| (!entry.getKey().isDaemon() && entry.getKey().isAlive() && entry.getValue().length > 0
							&& !entry.getKey().getName().equals("DestroyJavaVM")))
			.map(ShutdownWatchdog::describe)
			.collect(Collectors.joining("\n"));
	}

	private static String describe(Map.Entry<Thread, StackTraceElement[]> thread) {
		StringBuilder text = new StringBuilder("  \"").append(thread.getKey().getName()).append("\"");
		StackTraceElement[] frames = thread.getValue();
		for (int i = 0; i < Math.min(FRAMES, frames.length); i++) {
			text.append("\n    at ").append(frames[i]);
		}
		if (frames.length > FRAMES) {
			text.append("\n    ...");
		}
		return text.toString();
	}

}
