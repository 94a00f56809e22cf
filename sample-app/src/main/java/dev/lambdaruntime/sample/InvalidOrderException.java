package dev.lambdaruntime.sample;

/**
 * An order that cannot be accepted, saying why.
 */
public class InvalidOrderException extends IllegalArgumentException {

	public InvalidOrderException(String message) {
		super(message);
	}

}
