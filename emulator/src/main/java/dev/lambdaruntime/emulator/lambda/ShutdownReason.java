package dev.lambdaruntime.emulator.lambda;

import java.util.Locale;

/**
 * Why Lambda ends an execution environment, as the {@code shutdownReason} of a {@code SHUTDOWN} event says it.
 */
public enum ShutdownReason {

	/** The environment was idle and Lambda reclaims it. */
	SPINDOWN,

	/** An invocation ran past the function's timeout; the environment is reset. */
	TIMEOUT,

	/** The runtime crashed or reported a failure; the environment is reset. */
	FAILURE;

	/**
	 * The word in the {@code SHUTDOWN} event.
	 * @return {@code spindown}, {@code timeout} or {@code failure}
	 */
	public String word() {
		return name().toLowerCase(Locale.ROOT);
	}

}
