package dev.lambdaruntime.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

/**
 * Which recording a meter records to: the one of the invocation the current thread serves, else the one for
 * everything recorded outside invocations (threads the function started, start-up, shutdown).
 */
final class Recordings {

	private final ThreadLocal<Recording> current = new ThreadLocal<>();

	private final ThreadLocal<Recording> own = ThreadLocal.withInitial(Recording::new);

	private final Set<Recording> active = ConcurrentHashMap.newKeySet();

	private final Recording outside = new Recording();

	/**
	 * Binds the current thread's recording to an invocation it serves.
	 * @param requestId the invocation's request id
	 * @return the recording, empty
	 */
	Recording enter(@Nullable String requestId) {
		Recording recording = this.own.get();
		recording.begin(requestId);
		this.current.set(recording);
		this.active.add(recording);
		return recording;
	}

	/**
	 * Unbinds the current thread's recording, once written.
	 */
	void exit(Recording recording) {
		this.active.remove(recording);
		this.current.remove();
	}

	/**
	 * Where the current thread records.
	 */
	Recording current() {
		Recording recording = this.current.get();
		return (recording != null) ? recording : this.outside;
	}

	/**
	 * What was recorded outside invocations.
	 */
	Recording outside() {
		return this.outside;
	}

	/**
	 * The recordings of the invocations being served.
	 */
	List<Recording> active() {
		return new ArrayList<>(this.active);
	}

}
