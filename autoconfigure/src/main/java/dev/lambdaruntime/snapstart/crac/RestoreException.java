package dev.lambdaruntime.snapstart.crac;

/**
 * Resources failed after the restore; every failure is suppressed in it, as {@code jdk.crac}'s.
 */
public class RestoreException extends Exception {

	private static final long serialVersionUID = 1L;

	/**
	 * An exception without a message.
	 */
	public RestoreException() {
	}

	/**
	 * An exception with a message.
	 * @param message what went wrong
	 */
	public RestoreException(String message) {
		super(message);
	}

}
