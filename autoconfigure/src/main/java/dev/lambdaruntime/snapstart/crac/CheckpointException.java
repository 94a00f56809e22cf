package dev.lambdaruntime.snapstart.crac;

/**
 * The checkpoint could not go ahead; every resource's failure is suppressed in it, as {@code jdk.crac}'s.
 */
public class CheckpointException extends Exception {

	private static final long serialVersionUID = 1L;

	/**
	 * An exception without a message.
	 */
	public CheckpointException() {
	}

	/**
	 * An exception with a message.
	 * @param message what went wrong
	 */
	public CheckpointException(String message) {
		super(message);
	}

}
