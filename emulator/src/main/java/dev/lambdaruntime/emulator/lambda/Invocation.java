package dev.lambdaruntime.emulator.lambda;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;

import dev.lambdaruntime.emulator.InvokeRequest;
import dev.lambdaruntime.emulator.InvokeResult;
import org.jspecify.annotations.Nullable;

/**
 * One invocation on its way through the emulator: its ids, its timing and the future its caller waits on.
 */
public final class Invocation {

	private final String requestId = UUID.randomUUID().toString();

	private final @Nullable String invocationId;

	private final InvokeRequest request;

	private final String traceId = TraceHeader.generate();

	private final long queuedNanos = System.nanoTime();

	private final InvocationLog log = new InvocationLog();

	private final CompletableFuture<InvokeResult> result = new CompletableFuture<>();

	private volatile long startedNanos;

	private volatile long deadlineMs;

	private @Nullable ScheduledFuture<?> timer;

	Invocation(InvokeRequest request, boolean withInvocationId) {
		this.request = request;
		this.invocationId = withInvocationId ? UUID.randomUUID().toString() : null;
	}

	String requestId() {
		return this.requestId;
	}

	@Nullable String invocationId() {
		return this.invocationId;
	}

	InvokeRequest request() {
		return this.request;
	}

	String traceId() {
		return this.traceId;
	}

	long queuedNanos() {
		return this.queuedNanos;
	}

	/**
	 * The invocation's log, whose end a caller may ask for.
	 * @return the log
	 */
	public InvocationLog log() {
		return this.log;
	}

	CompletableFuture<InvokeResult> result() {
		return this.result;
	}

	/**
	 * Whether the runtime has taken the invocation from {@code /next}.
	 * @return {@code true} once handed out
	 */
	public boolean started() {
		return this.startedNanos != 0;
	}

	long startedNanos() {
		return this.startedNanos;
	}

	long deadlineMs() {
		return this.deadlineMs;
	}

	void start(long deadlineMs) {
		this.startedNanos = System.nanoTime();
		this.deadlineMs = deadlineMs;
	}

	void replaceTimer(@Nullable ScheduledFuture<?> timer) {
		if (this.timer != null) {
			this.timer.cancel(false);
		}
		this.timer = timer;
	}

	@Override
	public String toString() {
		return "Invocation[" + this.requestId + "]";
	}

}
