package dev.lambdaruntime.emulator.lambda;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;

import org.jspecify.annotations.Nullable;

/**
 * The init limit over invocations that wait for a runtime's init: it runs from the first waiting invocation until the
 * runtime takes one; once passed, the init runs on under the invocations' own timeouts until the runtime exits. Called
 * under the broker's lock, which its timer takes too.
 */
final class InitLimit {

	private final ScheduledExecutorService timer;

	private final Duration limit;

	private final Lock lock;

	private final Runnable passed;

	/** Whether this runtime's init is over: it took its first invocation. */
	private boolean initialized;

	/** Whether this runtime's init outlived the limit, and runs on under the invocations' own timeouts. */
	private boolean retried;

	/** The limit's timer, while invocations wait for the init. */
	private @Nullable ScheduledFuture<?> running;

	/** Bumped by every stop, so a timer that fires late knows it was stopped. */
	private int generation;

	/**
	 * A limit on the given timer.
	 * @param timer the broker's timer
	 * @param limit how long invocations may wait for the init
	 * @param lock the broker's lock
	 * @param passed called, on the timer's thread and outside the lock, when the limit passed
	 */
	InitLimit(ScheduledExecutorService timer, Duration limit, Lock lock, Runnable passed) {
		this.timer = timer;
		this.limit = limit;
		this.lock = lock;
		this.passed = passed;
	}

	/**
	 * Whether an invocation that waits now is timed by this limit rather than by its own timeout.
	 * @return {@code true} while the init is under way and within the limit
	 */
	boolean applies() {
		return !this.initialized && !this.retried;
	}

	/**
	 * An invocation waits for the init: starts the limit, unless it already runs.
	 */
	void start() {
		if (this.running == null) {
			int generation = ++this.generation;
			this.running = this.timer.schedule(() -> pass(generation), this.limit.toMillis(), TimeUnit.MILLISECONDS);
		}
	}

	/**
	 * The runtime took an invocation, so its init is over.
	 * @return whether it is the first, so that invocations still queued are to be timed from now
	 */
	boolean initDone() {
		if (this.initialized) {
			return false;
		}
		this.initialized = true;
		stop();
		return true;
	}

	/**
	 * A new runtime starts its init: the limit applies again.
	 * @param waiting whether invocations wait for it, so that the limit starts now
	 */
	void reset(boolean waiting) {
		this.initialized = false;
		this.retried = false;
		stop();
		if (waiting) {
			start();
		}
	}

	/**
	 * Stops the limit, if it runs.
	 */
	void stop() {
		this.generation++;
		if (this.running != null) {
			this.running.cancel(false);
			this.running = null;
		}
	}

	private void pass(int generation) {
		this.lock.lock();
		try {
			if (generation != this.generation) {
				return;
			}
			this.running = null;
			this.retried = true;
		}
		finally {
			this.lock.unlock();
		}
		this.passed.run();
	}

}
