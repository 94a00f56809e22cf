package dev.lambdaruntime.loop;

import dev.lambdaruntime.api.Invocation;

/**
 * Brackets each invocation on the worker thread that serves it, from the event's arrival until its answer is sent, so
 * that everything logged about it, the runtime's own lines included, can carry its context (such as the request id).
 */
public interface InvocationScope {

	/** A scope that does nothing. */
	InvocationScope NONE = new InvocationScope() {

		@Override
		public void enter(Invocation invocation) {
		}

		@Override
		public void exit(Invocation invocation) {
		}

	};

	/**
	 * Called on the worker thread before the invocation is handled.
	 * @param invocation the invocation about to be served
	 */
	void enter(Invocation invocation);

	/**
	 * Called on the same thread once the invocation is answered, or could not be.
	 * @param invocation the invocation just served
	 */
	void exit(Invocation invocation);

}
