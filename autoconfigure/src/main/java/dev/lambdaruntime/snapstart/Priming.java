package dev.lambdaruntime.snapstart;

import java.util.Arrays;

import dev.lambdaruntime.api.Invocation;
import dev.lambdaruntime.loop.InvocationHandler;
import dev.lambdaruntime.loop.InvocationScope;

/**
 * Invokes the function with a sample event through the whole pipeline (event detection, conversion in and out, the
 * function itself), so that the classes it needs are loaded and its code has run before Lambda snapshots the
 * environment: the first real event after a restore then finds it warm.
 */
final class Priming {

	private static final long DEADLINE_MILLIS = 60_000;

	private final InvocationHandler handler;

	private final InvocationScope scope;

	private final byte[] event;

	private final int invocations;

	/**
	 * Creates a priming of the given handler.
	 * @param handler the handler that serves real events
	 * @param scope brackets each invocation, as for real events (the request id in the MDC)
	 * @param event the sample event, as Lambda would deliver it
	 * @param invocations how many times to invoke it, at least 1
	 */
	Priming(InvocationHandler handler, InvocationScope scope, byte[] event, int invocations) {
		if (invocations < 1) {
			throw new IllegalArgumentException("Priming needs at least 1 invocation, but was given " + invocations);
		}
		this.handler = handler;
		this.scope = scope;
		this.event = event.clone();
		this.invocations = invocations;
	}

	/**
	 * Invokes the function with the sample event, as many times as configured.
	 * @throws PrimingException when an invocation fails: a snapshot of a function that cannot serve its sample event
	 * would only fail later
	 */
	void run() throws PrimingException {
		for (int i = 1; i <= this.invocations; i++) {
			Invocation invocation = Invocation.builder("priming-" + i, Arrays.copyOf(this.event, this.event.length))
				.deadlineMs(System.currentTimeMillis() + DEADLINE_MILLIS)
				.build();
			this.scope.enter(invocation);
			try {
				this.handler.handle(invocation);
			}
			catch (Exception ex) {
				throw new PrimingException("Priming invocation " + i + " of " + this.invocations
						+ " failed on the sample event: " + ex.getMessage(), ex);
			}
			finally {
				this.scope.exit(invocation);
			}
		}
	}

	int invocations() {
		return this.invocations;
	}

}
