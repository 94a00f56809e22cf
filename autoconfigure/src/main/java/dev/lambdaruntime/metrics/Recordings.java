package dev.lambdaruntime.metrics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.WeakHashMap;

import org.jspecify.annotations.Nullable;

/**
 * Which recording a meter records to: the one of the invocation the current thread serves, else the one for
 * everything recorded outside invocations (threads the function started, start-up, shutdown). Each thread keeps its
 * recording from one invocation to the next, so serving one costs no allocation and no shared write.
 */
final class Recordings {

	private final ThreadLocal<Recording> own = ThreadLocal.withInitial(this::register);

	/** Every thread's recording, for close; a thread's goes when the thread does. */
	private final Set<Recording> all = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

	private final Recording outside = new Recording();

	private Recording register() {
		Recording recording = new Recording();
		this.all.add(recording);
		return recording;
	}

	/**
	 * Binds the current thread's recording to an invocation it serves.
	 * @param requestId the invocation's request id
	 * @return the recording
	 */
	Recording enter(@Nullable String requestId) {
		Recording recording = this.own.get();
		recording.begin(requestId);
		return recording;
	}

	/**
	 * Unbinds the current thread's recording, once written.
	 */
	void exit(Recording recording) {
		recording.end();
	}

	/**
	 * Where the current thread records.
	 */
	Recording current() {
		Recording recording = this.own.get();
		return recording.isBound() ? recording : this.outside;
	}

	/**
	 * What was recorded outside invocations.
	 */
	Recording outside() {
		return this.outside;
	}

	/**
	 * The recordings of every thread that served an invocation or recorded outside one.
	 */
	List<Recording> all() {
		synchronized (this.all) {
			return new ArrayList<>(this.all);
		}
	}

}
