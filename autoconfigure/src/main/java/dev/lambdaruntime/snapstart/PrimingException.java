package dev.lambdaruntime.snapstart;

/**
 * Thrown when the function fails on its priming event, which stops the snapshot.
 */
public class PrimingException extends Exception {

	private static final long serialVersionUID = 1L;

	PrimingException(String message, Throwable cause) {
		super(message, cause);
	}

}
