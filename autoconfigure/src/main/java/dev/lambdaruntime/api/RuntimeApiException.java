package dev.lambdaruntime.api;

import java.io.IOException;

/**
 * The Runtime API answered with a status the runtime cannot carry on from, such as a 500 container error.
 */
public class RuntimeApiException extends IOException {

	private final int status;

	public RuntimeApiException(String message, int status) {
		super(message);
		this.status = status;
	}

	/**
	 * HTTP status the Runtime API answered with.
	 * @return the status code
	 */
	public int status() {
		return this.status;
	}

	/**
	 * Whether Lambda reported a non-recoverable container error, after which the runtime must exit.
	 * @return {@code true} for a 5xx answer
	 */
	public boolean isContainerError() {
		return this.status >= 500;
	}

}
