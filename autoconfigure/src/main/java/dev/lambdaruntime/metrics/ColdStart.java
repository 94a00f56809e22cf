package dev.lambdaruntime.metrics;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Which invocation is an execution environment's first: the one that claims it, of however many start at once.
 */
final class ColdStart {

	/** Not the first invocation. */
	static final int WARM = 0;

	/** The first invocation of an environment that started from scratch. */
	static final int COLD = 1;

	/** The first invocation of an environment restored from a SnapStart snapshot. */
	static final int RESTORED = 2;

	private final AtomicInteger state = new AtomicInteger(COLD);

	/**
	 * Claims the first invocation.
	 * @return {@link #COLD} or {@link #RESTORED} for the first caller since start or restore, else {@link #WARM}
	 */
	int claim() {
		// A read, not a write, on every warm invocation: concurrent workers do not contend.
		return (this.state.get() == WARM) ? WARM : this.state.getAndSet(WARM);
	}

	void restored() {
		this.state.set(RESTORED);
	}

}
