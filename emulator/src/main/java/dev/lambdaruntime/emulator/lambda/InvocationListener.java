package dev.lambdaruntime.emulator.lambda;

import java.time.Duration;

/**
 * What the platform around the Runtime API does at each step of an invocation: write Lambda's log lines, and in
 * process mode start, watch and stop the runtime process; at shutdown, signal it.
 */
public interface InvocationListener {

	/**
	 * An invocation joined the queue.
	 * @param invocation the invocation
	 */
	default void queued(Invocation invocation) {
	}

	/**
	 * The runtime asked for work for the first time in its life ({@code /next} or {@code /restore/next}).
	 */
	default void runtimeReady() {
	}

	/**
	 * SnapStart: the restored runtime asked for its first event ({@code /next} after {@code /restore/next}), its
	 * after-restore hooks done.
	 */
	default void runtimeRestored() {
	}

	/**
	 * The runtime took an invocation from {@code /next}.
	 * @param invocation the invocation
	 */
	default void started(Invocation invocation) {
	}

	/**
	 * The invocation ended; called once, before its caller sees the result.
	 * @param invocation the invocation
	 * @param outcome how it ended
	 */
	default void finished(Invocation invocation, Outcome outcome) {
	}

	/**
	 * SIGTERM: asks the runtime to end, as Lambda does at shutdown when an extension registered, and waits for it.
	 * @param reason why the environment ends
	 * @param budget how long the runtime may take before {@link #kill()}
	 * @return whether it ended within the budget
	 */
	default boolean terminate(ShutdownReason reason, Duration budget) {
		return true;
	}

	/**
	 * SIGKILL: ends the runtime at once, as Lambda does at shutdown when no extension registered, or when the
	 * budget ran out.
	 */
	default void kill() {
	}

	/**
	 * The shutdown phase is over and the environment is gone; a fresh runtime starts when work is queued.
	 * @param workQueued whether invocations wait for a runtime
	 */
	default void shutDown(boolean workQueued) {
	}

}
