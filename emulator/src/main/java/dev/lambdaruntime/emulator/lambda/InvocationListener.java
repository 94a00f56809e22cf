package dev.lambdaruntime.emulator.lambda;

/**
 * What the platform around the Runtime API does at each step of an invocation: write Lambda's log lines, and in
 * process mode start, watch and stop the runtime process.
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

}
