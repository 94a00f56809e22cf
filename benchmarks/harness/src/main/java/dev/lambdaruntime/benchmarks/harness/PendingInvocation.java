package dev.lambdaruntime.benchmarks.harness;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One event the server hands out, with the times it went out and its answer came back.
 */
final class PendingInvocation {

	private final String requestId;

	private final byte[] event;

	private final byte[] expected;

	private final Consumer<PendingInvocation> onDone;

	private final CountDownLatch done = new CountDownLatch(1);

	private volatile long handedOutNanos;

	private volatile long answeredNanos;

	private volatile String problem;

	PendingInvocation(String requestId, byte[] event, byte[] expected, Consumer<PendingInvocation> onDone) {
		this.requestId = requestId;
		this.event = event;
		this.expected = expected;
		this.onDone = onDone;
	}

	String requestId() {
		return this.requestId;
	}

	byte[] event() {
		return this.event;
	}

	void handedOut(long nanos) {
		this.handedOutNanos = nanos;
	}

	/**
	 * Records the answer and checks it.
	 * @param nanos when the answer's body had been read
	 * @param body the answer's body, or {@code null} when the runtime reported an error
	 * @param error the error text when the runtime reported one
	 * @return the problem with the answer, or {@code null} when it is the expected body
	 */
	String answered(long nanos, byte[] body, String error) {
		this.answeredNanos = nanos;
		if (body == null) {
			this.problem = "invocation " + this.requestId + " failed: " + error;
		}
		else if (!Json.sameJson(body, this.expected)) {
			this.problem = "invocation " + this.requestId + " answered " + Json.text(body) + ", expected "
					+ Json.text(this.expected);
		}
		return this.problem;
	}

	void complete() {
		this.done.countDown();
		this.onDone.accept(this);
	}

	/**
	 * Waits for the answer.
	 * @param seconds how long to wait
	 * @return whether it came
	 * @throws InterruptedException when interrupted
	 */
	boolean await(long seconds) throws InterruptedException {
		return this.done.await(seconds, TimeUnit.SECONDS);
	}

	long handedOutNanos() {
		return this.handedOutNanos;
	}

	long answeredNanos() {
		return this.answeredNanos;
	}

	long latencyNanos() {
		return this.answeredNanos - this.handedOutNanos;
	}

	String problem() {
		return this.problem;
	}

}
