package dev.lambdaruntime.handler;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The applications managed runtime handlers started, one per application class, shared by every handler instance
 * that names the class. Lambda's runtime makes one handler per environment, so one JVM-wide set serves it
 * ({@link #SHARED}); tests make their own and close it, so no application outlives the test that started it.
 */
final class ManagedApplications implements AutoCloseable {

	/** The set the handlers the runtime makes use. */
	static final ManagedApplications SHARED = new ManagedApplications();

	private final Map<Class<?>, ManagedApplication> started = new ConcurrentHashMap<>();

	/**
	 * The application of this class, started on first use.
	 * @param applicationClass the Spring Boot application class
	 * @return the running application
	 */
	ManagedApplication of(Class<?> applicationClass) {
		return this.started.computeIfAbsent(applicationClass, ManagedApplication::start);
	}

	/**
	 * Closes every application this set started.
	 */
	@Override
	public void close() {
		this.started.values().forEach((application) -> application.context().close());
		this.started.clear();
	}

}
