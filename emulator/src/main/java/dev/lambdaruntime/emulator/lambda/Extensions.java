package dev.lambdaruntime.emulator.lambda;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

import dev.lambdaruntime.emulator.RegisteredExtension;
import org.jspecify.annotations.Nullable;

/**
 * The Extensions API's state machine: who registered, who waits in {@code /event/next}, and the {@code INVOKE} and
 * {@code SHUTDOWN} events queued for each. Registration closes when the runtime first asks for work, as Lambda's init
 * phase ends there; a new runtime starts with none registered.
 */
final class Extensions {

	/** Lambda's limit of extensions per function. */
	static final int LIMIT = 10;

	static final String INVOKE = "INVOKE";

	static final String SHUTDOWN = "SHUTDOWN";

	private final Set<String> externalNames;

	private final PlatformLog log;

	private final ReentrantLock lock = new ReentrantLock();

	private final Condition changed = this.lock.newCondition();

	private final Map<String, Extension> byId = new LinkedHashMap<>();

	private volatile Runnable readinessChanged = () -> {
	};

	private boolean open = true;

	private boolean closed;

	/**
	 * The registry of one emulator.
	 * @param externalNames the names that count as external extensions (the executables Lambda finds in
	 * {@code /opt/extensions}); every other name registers as an internal extension
	 * @param log where the {@code EXTENSION} line goes once an extension is ready
	 */
	Extensions(Set<String> externalNames, PlatformLog log) {
		this.externalNames = Set.copyOf(externalNames);
		this.log = log;
	}

	/**
	 * Says whom to tell when an extension becomes ready or stops being ready, so a waiting {@code /next} can go on.
	 * @param readinessChanged called outside this registry's lock
	 */
	void onReadinessChange(Runnable readinessChanged) {
		this.readinessChanged = readinessChanged;
	}

	Registration register(String name, List<String> events) {
		boolean external = this.externalNames.contains(name);
		for (String event : events) {
			if (event.equals(SHUTDOWN) && !external) {
				return Registration.refused("Extension.InvalidEventType",
						"SHUTDOWN: internal extensions cannot register for SHUTDOWN; they end with the runtime");
			}
			if (!event.equals(SHUTDOWN) && !event.equals(INVOKE)) {
				return Registration.refused("Extension.InvalidEventType", event + ": unknown event type");
			}
		}
		this.lock.lock();
		try {
			if (!this.open || this.closed) {
				return Registration.refused("Extension.RegistrationClosed", "Extension registration closed already");
			}
			if (this.byId.values().stream().anyMatch((extension) -> extension.name.equals(name))) {
				return Registration.refused("Extension.InvalidExtensionState",
						"Extension with this name already registered");
			}
			if (this.byId.size() >= LIMIT) {
				return Registration.refused("Extension.TooManyExtensions", "Extension limit (" + LIMIT + ") reached");
			}
			Extension extension = new Extension(UUID.randomUUID().toString(), name, external, List.copyOf(events));
			this.byId.put(extension.id, extension);
			return new Registration(extension.id, null);
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Long-polls for the extension's next event ({@code GET /event/next}); the call itself says the extension is
	 * done with its last event.
	 * @param id the extension's identifier
	 * @param peerClosed tells whether the extension hung up while it waited
	 * @return the event JSON, a refusal, or {@link Poll#GONE} when closed, reset or hung up
	 * @throws InterruptedException when the waiting thread is interrupted
	 */
	Poll next(String id, BooleanSupplier peerClosed) throws InterruptedException {
		Extension extension;
		boolean first;
		this.lock.lock();
		try {
			extension = this.byId.get(id);
			if (extension == null) {
				return Poll.refused("Extension.UnknownExtensionIdentifier", "Unknown extension " + id);
			}
			if (extension.state == State.EXITED) {
				return Poll.refused("Extension.InvalidExtensionState",
						"State transition from Exited to Ready failed for extension " + id);
			}
			first = extension.state == State.REGISTERED;
			extension.state = State.READY;
			this.changed.signalAll();
		}
		finally {
			this.lock.unlock();
		}
		if (first) {
			this.log.echo("EXTENSION\tName: " + extension.name + "\tState: Ready\tEvents: "
					+ extension.events.toString().replace(" ", ""));
		}
		this.readinessChanged.run();
		String event;
		this.lock.lock();
		try {
			while (!this.closed && this.byId.get(id) == extension && extension.queue.isEmpty()) {
				this.changed.await(200, TimeUnit.MILLISECONDS);
				if (peerClosed.getAsBoolean()) {
					return Poll.GONE;
				}
			}
			if (this.closed || this.byId.get(id) != extension) {
				return Poll.GONE;
			}
			event = extension.queue.poll();
			extension.state = State.BUSY;
		}
		finally {
			this.lock.unlock();
		}
		return new Poll(event, null);
	}

	/**
	 * Takes an extension's {@code /init/error} or {@code /exit/error}: it has exited, and no later call succeeds.
	 * @param id the extension's identifier
	 * @param init whether it is an init error, allowed only while registration is open
	 * @return a refusal, or {@code null} when accepted
	 */
	@Nullable Poll error(String id, boolean init) {
		this.lock.lock();
		try {
			Extension extension = this.byId.get(id);
			if (extension == null) {
				return Poll.refused("Extension.UnknownExtensionIdentifier", "Unknown Lambda-Extension-Identifier");
			}
			if (extension.state == State.EXITED || (init && !this.open)) {
				return Poll.refused("Extension.InvalidExtensionState", "State transition from " + extension.state.word()
						+ " to " + (init ? "InitError" : "ExitError") + " failed for extension " + id);
			}
			extension.state = State.EXITED;
			extension.queue.clear();
			this.changed.signalAll();
		}
		finally {
			this.lock.unlock();
		}
		this.readinessChanged.run();
		return null;
	}

	/**
	 * An external extension's process ended: it holds nothing back any more, as after {@code /exit/error}.
	 * @param name the extension's name
	 */
	void exited(String name) {
		boolean changed = false;
		this.lock.lock();
		try {
			for (Extension extension : this.byId.values()) {
				if (extension.name.equals(name) && extension.state != State.EXITED) {
					extension.state = State.EXITED;
					extension.queue.clear();
					changed = true;
				}
			}
			this.changed.signalAll();
		}
		finally {
			this.lock.unlock();
		}
		if (changed) {
			this.readinessChanged.run();
		}
	}

	/**
	 * Waits until every named extension has registered, as Lambda's Extension init phase does before the runtime
	 * starts.
	 * @param names the names expected to register
	 * @param gone whether a named extension can no longer register (its process ended)
	 * @param deadlineNanos until when to wait, on {@link System#nanoTime()}'s clock
	 * @return the first name that is gone without registering, or {@code null} when all registered, the deadline
	 * passed or the registry closed
	 * @throws InterruptedException when the waiting thread is interrupted
	 */
	@Nullable String awaitRegistered(List<String> names, Predicate<String> gone, long deadlineNanos)
			throws InterruptedException {
		this.lock.lock();
		try {
			while (!this.closed) {
				List<String> missing = new ArrayList<>(names);
				this.byId.values().forEach((extension) -> missing.remove(extension.name));
				if (missing.isEmpty()) {
					return null;
				}
				for (String name : missing) {
					if (gone.test(name)) {
						return name;
					}
				}
				long left = deadlineNanos - System.nanoTime();
				if (left <= 0) {
					return null;
				}
				// Bounded: a process's end is seen by polling, as a hung-up poll is.
				this.changed.awaitNanos(Math.min(left, TimeUnit.MILLISECONDS.toNanos(20)));
			}
			return null;
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * The runtime asked for work: the init phase is over, and so is registration.
	 */
	void closeRegistration() {
		this.lock.lock();
		try {
			this.open = false;
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Whether every registered extension waits in {@code /event/next} with nothing queued (or has exited): Lambda
	 * starts the next phase only then.
	 * @return {@code true} when none holds the environment back
	 */
	boolean ready() {
		this.lock.lock();
		try {
			return this.byId.values().stream().allMatch(Extension::idle);
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Queues an {@code INVOKE} event for every extension registered for it.
	 * @param invocation the invocation the runtime just took
	 * @param functionArn the invoked function's ARN
	 */
	void invoke(Invocation invocation, String functionArn) {
		StringBuilder json = new StringBuilder("{\"eventType\":\"INVOKE\",\"deadlineMs\":")
			.append(invocation.deadlineMs())
			.append(",\"requestId\":");
		Json.appendString(json, invocation.requestId());
		json.append(",\"invokedFunctionArn\":");
		Json.appendString(json, functionArn);
		json.append(",\"tracing\":{\"type\":\"X-Amzn-Trace-Id\",\"value\":");
		Json.appendString(json, invocation.traceId());
		queue(INVOKE, json.append("}}").toString());
	}

	/**
	 * Queues a {@code SHUTDOWN} event for every external extension registered for it.
	 * @param reason why the environment ends
	 * @param deadlineMs when the extensions are killed, in epoch milliseconds
	 * @return how many extensions were told
	 */
	int shutdown(ShutdownReason reason, long deadlineMs) {
		return queue(SHUTDOWN, "{\"eventType\":\"SHUTDOWN\",\"shutdownReason\":\"" + reason.word()
				+ "\",\"deadlineMs\":" + deadlineMs + "}");
	}

	/**
	 * Waits until every extension has taken its queued events and come back to {@code /event/next}, or exited.
	 * @param deadlineNanos until when to wait, on {@link System#nanoTime()}'s clock
	 * @return whether all did in time
	 * @throws InterruptedException when the waiting thread is interrupted
	 */
	boolean awaitIdle(long deadlineNanos) throws InterruptedException {
		this.lock.lock();
		try {
			while (!this.byId.values().stream().allMatch(Extension::idle)) {
				long left = deadlineNanos - System.nanoTime();
				if (left <= 0) {
					return false;
				}
				this.changed.awaitNanos(left);
			}
			return true;
		}
		finally {
			this.lock.unlock();
		}
	}

	List<RegisteredExtension> snapshot() {
		this.lock.lock();
		try {
			return this.byId.values()
				.stream()
				.map((extension) -> new RegisteredExtension(extension.name, extension.id, extension.external,
						extension.events, extension.state.word()))
				.toList();
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * The environment is gone: every registration with it, and registration opens again for the next runtime.
	 */
	void reset() {
		this.lock.lock();
		try {
			this.byId.clear();
			this.open = true;
			this.changed.signalAll();
		}
		finally {
			this.lock.unlock();
		}
		this.readinessChanged.run();
	}

	void close() {
		this.lock.lock();
		try {
			this.closed = true;
			this.changed.signalAll();
		}
		finally {
			this.lock.unlock();
		}
	}

	private int queue(String type, String json) {
		List<Extension> told = new ArrayList<>();
		this.lock.lock();
		try {
			for (Extension extension : this.byId.values()) {
				if (extension.events.contains(type) && extension.state != State.EXITED) {
					extension.queue.add(json);
					told.add(extension);
				}
			}
			this.changed.signalAll();
		}
		finally {
			this.lock.unlock();
		}
		if (!told.isEmpty()) {
			this.readinessChanged.run();
		}
		return told.size();
	}

	/**
	 * Where an extension is in its life.
	 */
	private enum State {

		REGISTERED, READY, BUSY, EXITED;

		String word() {
			return name().charAt(0) + name().substring(1).toLowerCase(Locale.ROOT);
		}

	}

	/**
	 * One registered extension.
	 */
	private static final class Extension {

		private final String id;

		private final String name;

		private final boolean external;

		private final List<String> events;

		private final Deque<String> queue = new ArrayDeque<>();

		private State state = State.REGISTERED;

		Extension(String id, String name, boolean external, List<String> events) {
			this.id = id;
			this.name = name;
			this.external = external;
			this.events = events;
		}

		boolean idle() {
			return this.state == State.EXITED || (this.state == State.READY && this.queue.isEmpty());
		}

	}

	/**
	 * What {@code /register} gave: an identifier, or a refusal.
	 *
	 * @param id the new extension's identifier, when registered
	 * @param refusal why not, when refused
	 */
	record Registration(@Nullable String id, @Nullable Refusal refusal) {

		static Registration refused(String errorType, String message) {
			return new Registration(null, new Refusal(errorType, message));
		}

	}

	/**
	 * What {@code /event/next} gives the extension.
	 *
	 * @param event the event JSON, when one was taken
	 * @param refusal why the call is not allowed, when refused
	 */
	record Poll(@Nullable String event, @Nullable Refusal refusal) {

		static final Poll GONE = new Poll(null, null);

		static Poll refused(String errorType, String message) {
			return new Poll(null, new Refusal(errorType, message));
		}

	}

	/**
	 * A 403 answer of the Extensions API.
	 *
	 * @param errorType the error type, for example {@code Extension.RegistrationClosed}
	 * @param message the message
	 */
	record Refusal(String errorType, String message) {

	}

}
