package dev.lambdaruntime.emulator.lambda;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

import dev.lambdaruntime.emulator.InvokeRequest;
import dev.lambdaruntime.emulator.InvokeResult;
import dev.lambdaruntime.emulator.RuntimeError;
import org.jspecify.annotations.Nullable;

/**
 * The Runtime API's state machine: queues invocations, hands out up to N at once, checks every answer against the
 * invocation it belongs to, and ends invocations on answer, timeout, init failure, runtime exit or close. As on
 * Lambda, the function timeout runs from the moment the runtime takes an invocation; while the runtime's init is
 * under way, a waiting invocation is timed by the {@link InitLimit} instead, and past it by its own timeout.
 */
final class InvocationBroker {

	private static final int REMEMBERED_IDS = 10_000;

	private final EmulatorSettings settings;

	private final InvocationListener listener;

	private final BooleanSupplier extensionsReady;

	private final ReentrantLock lock = new ReentrantLock();

	private final Condition changed = this.lock.newCondition();

	private final Deque<Invocation> queue = new ArrayDeque<>();

	private final Map<String, Invocation> inFlight = new HashMap<>();

	private final Map<String, Answer> ended = new LinkedHashMap<>() {

		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Answer> eldest) {
			return size() > REMEMBERED_IDS;
		}

	};

	private final ScheduledThreadPoolExecutor timer;

	private final InitLimit initLimit;

	private Phase phase = Phase.INIT;

	private @Nullable Outcome failure;

	private boolean closed;

	private int waiting;

	/**
	 * A broker whose invocations wait for the extensions as well as for the runtime.
	 * @param settings the settings
	 * @param listener told of every step
	 * @param extensionsReady whether every registered extension is back in {@code /event/next}; Lambda starts the
	 * first invocation, and each next one, only then
	 * @param initTimedOut called, on a timer thread, when invocations waited the init limit for the runtime's init;
	 * it calls {@link #retryInit} once the environment is reset
	 */
	InvocationBroker(EmulatorSettings settings, InvocationListener listener, BooleanSupplier extensionsReady,
			Runnable initTimedOut) {
		this.settings = settings;
		this.listener = listener;
		this.extensionsReady = extensionsReady;
		this.timer = new ScheduledThreadPoolExecutor(1, (task) -> {
			Thread thread = new Thread(task, "lambda-emulator-timer");
			thread.setDaemon(true);
			return thread;
		});
		this.timer.setRemoveOnCancelPolicy(true);
		this.initLimit = new InitLimit(this.timer, settings.initLimit(), this.lock, initTimedOut);
	}

	/**
	 * Queues an invocation, or ends it at once when the runtime failed to start.
	 * @param request the request
	 * @return the invocation; its result completes when it ends
	 */
	Invocation submit(InvokeRequest request) {
		Invocation invocation = new Invocation(request, this.settings.invocationIds());
		Outcome failed;
		this.lock.lock();
		try {
			if (this.closed) {
				throw new IllegalStateException("Lambda emulator is closed");
			}
			failed = this.failure;
			if (failed == null) {
				this.queue.add(invocation);
				if (this.initLimit.applies()) {
					this.initLimit.start();
				}
				else {
					time(invocation);
				}
				this.changed.signalAll();
			}
		}
		finally {
			this.lock.unlock();
		}
		if (failed != null) {
			end(invocation, failed);
		}
		else {
			this.listener.queued(invocation);
		}
		return invocation;
	}

	/**
	 * Long-polls for the next invocation ({@code GET /runtime/invocation/next}).
	 * @param peerClosed tells whether the runtime hung up while it waited
	 * @return the handed-out invocation, a refusal, or {@link Next#GONE} when closed or the runtime hung up
	 * @throws InterruptedException when the waiting thread is interrupted
	 */
	Next next(BooleanSupplier peerClosed) throws InterruptedException {
		Invocation invocation;
		this.lock.lock();
		try {
			if (this.phase == Phase.FAILED) {
				return Next.refused("The runtime reported an init error; no invocation will follow");
			}
			if (this.phase == Phase.INIT && this.settings.snapStart()) {
				return Next.refused("In SnapStart mode the runtime must call /runtime/restore/next first");
			}
			if (this.phase == Phase.INIT) {
				this.listener.runtimeReady();
				this.phase = Phase.RUNNING;
			}
			else if (this.phase == Phase.RESTORING) {
				this.listener.runtimeRestored();
				this.phase = Phase.RUNNING;
			}
			boolean waited = false;
			this.waiting++;
			try {
				// While the environment shuts down, a /next waits for the runtime's end rather than failing.
				while (!this.closed && (this.phase == Phase.SHUTDOWN || (this.phase == Phase.RUNNING
						&& (this.queue.isEmpty() || this.inFlight.size() >= this.settings.concurrency()
								|| !this.extensionsReady.getAsBoolean())))) {
					waited = true;
					this.changed.await(200, TimeUnit.MILLISECONDS);
					if (peerClosed.getAsBoolean()) {
						return Next.GONE;
					}
				}
			}
			finally {
				this.waiting--;
			}
			if (waited && !this.closed && peerClosed.getAsBoolean()) {
				// Work came while we waited: make sure the runtime is still there before it is handed out.
				return Next.GONE;
			}
			if (this.phase == Phase.FAILED) {
				return Next.refused("The runtime reported an init error; no invocation will follow");
			}
			if (this.closed || this.phase != Phase.RUNNING) {
				return Next.GONE;
			}
			invocation = this.queue.poll();
			if (this.initLimit.initDone()) {
				// The runtime took its first invocation: those still queued are timed from now.
				this.queue.forEach(this::time);
			}
			invocation.start(System.currentTimeMillis() + this.settings.timeout().toMillis());
			invocation.replaceTimer(schedule(invocation));
			this.inFlight.put(invocation.requestId(), invocation);
		}
		finally {
			this.lock.unlock();
		}
		this.listener.started(invocation);
		return new Next(invocation, null);
	}

	/**
	 * Ends an invocation with the runtime's answer ({@code /response} or {@code /error}).
	 * @param requestId the request id from the path
	 * @param invocationId the echoed {@code Lambda-Runtime-Invocation-Id}, if any
	 * @param outcome the answer
	 * @return how the answer was taken
	 */
	Answer answer(String requestId, @Nullable String invocationId, Outcome outcome) {
		Invocation invocation;
		this.lock.lock();
		try {
			invocation = this.inFlight.get(requestId);
			if (invocation == null) {
				return this.ended.getOrDefault(requestId, Answer.UNKNOWN_ID);
			}
			if (invocation.invocationId() != null && !invocation.invocationId().equals(invocationId)) {
				return Answer.WRONG_INVOCATION_ID;
			}
			this.inFlight.remove(requestId);
			this.ended.put(requestId, Answer.ALREADY_ANSWERED);
			invocation.replaceTimer(null);
			this.changed.signalAll();
		}
		finally {
			this.lock.unlock();
		}
		end(invocation, outcome);
		return (outcome.kind() == Outcome.Kind.TOO_LARGE) ? Answer.TOO_LARGE : Answer.ACCEPTED;
	}

	/**
	 * Records a start-up failure ({@code /runtime/init/error} or {@code /runtime/restore/error}) and serves it to
	 * every queued invocation and every later one, until the runtime exits.
	 * @param error the error
	 * @param restore whether it came from {@code /runtime/restore/error}
	 * @return whether it was accepted; only before the first {@code /next} (after restore for restore errors)
	 */
	boolean fail(RuntimeError error, boolean restore) {
		Outcome outcome = Outcome.initError(error);
		List<Invocation> failed;
		this.lock.lock();
		try {
			if (this.phase != (restore ? Phase.RESTORING : Phase.INIT)) {
				return false;
			}
			this.phase = Phase.FAILED;
			this.failure = outcome;
			this.initLimit.stop();
			failed = drainQueue();
			this.changed.signalAll();
		}
		finally {
			this.lock.unlock();
		}
		failed.forEach((invocation) -> end(invocation, outcome));
		return true;
	}

	/**
	 * The SnapStart restore ({@code GET /runtime/restore/next}); in emulation the restore happens at once.
	 * @return whether the call was allowed: SnapStart on, and first
	 */
	boolean restore() {
		this.lock.lock();
		try {
			if (!this.settings.snapStart() || this.phase != Phase.INIT) {
				return false;
			}
			this.phase = Phase.RESTORING;
			this.listener.runtimeReady();
			return true;
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * The runtime process exited: its invocations end with {@code Runtime.ExitError} and the next runtime starts
	 * fresh. If it died before asking for work, the queued invocations fail too, as Lambda fails the invoke whose
	 * init crashed.
	 * @param reason what the exit looked like, for example {@code exit status 1}
	 * @return whether invocations are still queued, so a new runtime is needed
	 */
	boolean runtimeExited(String reason) {
		List<Invocation> failed = new ArrayList<>();
		boolean queued;
		this.lock.lock();
		try {
			failed.addAll(this.inFlight.values());
			this.inFlight.clear();
			failed.forEach((invocation) -> {
				invocation.replaceTimer(null);
				this.ended.put(invocation.requestId(), Answer.ALREADY_ANSWERED);
			});
			if (this.phase == Phase.INIT || this.phase == Phase.RESTORING) {
				failed.addAll(drainQueue());
			}
			this.phase = Phase.INIT;
			this.failure = null;
			queued = !this.queue.isEmpty();
			this.initLimit.reset(queued);
			this.changed.signalAll();
		}
		finally {
			this.lock.unlock();
		}
		failed.forEach((invocation) -> end(invocation, Outcome.failure(Outcome.Kind.EXIT_ERROR, "Runtime.ExitError",
				"RequestId: " + invocation.requestId() + " Error: Runtime exited with error: " + reason)));
		return queued;
	}

	/**
	 * The init outlived its limit and the environment was reset: Lambda runs the init again inside the first
	 * invocation, so every waiting invocation is timed by its own timeout from now, and no init limit applies until
	 * the runtime exits.
	 * @param runtimeReplaced whether the runtime was killed, so that a fresh one starts its init
	 * @return whether invocations are queued, so a runtime is needed
	 */
	boolean retryInit(boolean runtimeReplaced) {
		this.lock.lock();
		try {
			if (runtimeReplaced && this.phase != Phase.FAILED && this.phase != Phase.SHUTDOWN) {
				this.phase = Phase.INIT;
			}
			this.queue.forEach(this::time);
			this.changed.signalAll();
			return !this.queue.isEmpty();
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * The environment starts to shut down: no invocation is handed out any more, while those in flight may still be
	 * answered; {@link #runtimeExited} ends the shutdown.
	 */
	void suspend() {
		this.lock.lock();
		try {
			if (this.phase != Phase.FAILED) {
				this.phase = Phase.SHUTDOWN;
			}
			this.changed.signalAll();
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Something a waiting {@code /next} depends on changed, such as an extension's readiness.
	 */
	void wake() {
		this.lock.lock();
		try {
			this.changed.signalAll();
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Whether invocations are in flight or queued.
	 * @return {@code true} when the runtime has work
	 */
	boolean busy() {
		this.lock.lock();
		try {
			return !this.queue.isEmpty() || !this.inFlight.isEmpty();
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Ends every open invocation with an exception and releases every waiting {@code /next}.
	 */
	void close() {
		List<Invocation> open;
		this.lock.lock();
		try {
			if (this.closed) {
				return;
			}
			this.closed = true;
			this.initLimit.stop();
			open = drainQueue();
			open.addAll(this.inFlight.values());
			this.inFlight.clear();
			this.changed.signalAll();
		}
		finally {
			this.lock.unlock();
		}
		this.timer.shutdownNow();
		open.forEach((invocation) -> invocation.result()
			.completeExceptionally(new IllegalStateException("Lambda emulator closed before the runtime answered")));
	}

	int queued() {
		this.lock.lock();
		try {
			return this.queue.size();
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * How many {@code /next} calls are parked, waiting for an invocation or a free slot.
	 * @return the number of waiting long polls
	 */
	int waiting() {
		this.lock.lock();
		try {
			return this.waiting;
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Starts an invocation's timer: it waits in the queue for at most the function timeout. Event invocations have
	 * no caller waiting, and wait as long as it takes.
	 */
	private void time(Invocation invocation) {
		if (!InvokeRequest.EVENT.equals(invocation.request().invocationType())) {
			invocation.replaceTimer(schedule(invocation));
		}
	}

	private void timeOut(Invocation invocation) {
		this.lock.lock();
		try {
			boolean wasQueued = this.queue.remove(invocation);
			if (!wasQueued && this.inFlight.remove(invocation.requestId()) == null) {
				return;
			}
			this.ended.put(invocation.requestId(), Answer.TIMED_OUT);
			this.changed.signalAll();
		}
		finally {
			this.lock.unlock();
		}
		end(invocation, Outcome.failure(Outcome.Kind.TIMEOUT, "Sandbox.Timedout",
				PlatformLog.timedOut(this.settings, invocation.requestId())));
	}

	private void end(Invocation invocation, Outcome outcome) {
		try {
			this.listener.finished(invocation, outcome);
		}
		finally {
			String logResult = invocation.request().tailLog() ? invocation.log().tailBase64() : null;
			invocation.result()
				.complete(new InvokeResult(200, outcome.payload(), outcome.isError() ? "Unhandled" : null, logResult,
						outcome.contentType(), EmulatorSettings.VERSION, invocation.requestId()));
		}
	}

	private List<Invocation> drainQueue() {
		List<Invocation> drained = new ArrayList<>(this.queue);
		this.queue.clear();
		drained.forEach((invocation) -> invocation.replaceTimer(null));
		return drained;
	}

	private ScheduledFuture<?> schedule(Invocation invocation) {
		return this.timer.schedule(() -> timeOut(invocation), this.settings.timeout().toMillis(),
				TimeUnit.MILLISECONDS);
	}

	/**
	 * Where the runtime is in its life.
	 */
	private enum Phase {

		/** Started, has not asked for work yet; {@code /runtime/init/error} is allowed. */
		INIT,

		/** SnapStart: {@code /runtime/restore/next} returned; {@code /runtime/restore/error} is allowed. */
		RESTORING,

		/** Has called {@code /next}. */
		RUNNING,

		/** Reported an init or restore error; every invocation gets it until the runtime exits. */
		FAILED,

		/** Being shut down: nothing more is handed out; answers to invocations in flight are still taken. */
		SHUTDOWN

	}

	/**
	 * How an answer to an invocation was taken.
	 */
	enum Answer {

		/** Accepted: 202. */
		ACCEPTED,

		/** Accepted as the end of the invocation, but over the size limit: 413. */
		TOO_LARGE,

		/** No such invocation: 400. */
		UNKNOWN_ID,

		/** The echoed invocation id is missing or wrong: 400. */
		WRONG_INVOCATION_ID,

		/** The invocation already ended: 403. */
		ALREADY_ANSWERED,

		/** The invocation timed out before the answer: 410. */
		TIMED_OUT

	}

	/**
	 * What {@code /next} gives the runtime.
	 *
	 * @param invocation the invocation, when one was handed out
	 * @param refusal why the call is not allowed now, when refused
	 */
	record Next(@Nullable Invocation invocation, @Nullable String refusal) {

		static final Next GONE = new Next(null, null);

		static Next refused(String reason) {
			return new Next(null, reason);
		}

	}

}
