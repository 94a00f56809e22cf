package dev.lambdaruntime.loop;

/**
 * Ends the process when the runtime cannot go on; Lambda then replaces the execution environment.
 */
@FunctionalInterface
public interface ExitHandler {

	/** Exits the JVM, running its shutdown hooks (Spring closes the context in one). */
	ExitHandler SYSTEM = (status, reason) -> System.exit(status);

	/**
	 * Ends the process.
	 * @param status the exit status, never 0
	 * @param reason why, for the log
	 */
	void exit(int status, String reason);

}
