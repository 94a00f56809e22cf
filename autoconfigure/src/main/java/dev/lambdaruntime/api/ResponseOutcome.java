package dev.lambdaruntime.api;

/**
 * What the Runtime API said to an answer (a response or an error) for one invocation.
 */
public enum ResponseOutcome {

	/** 202: taken. */
	ACCEPTED,

	/** 413: the response is over Lambda's size limit; report an error for the invocation instead. */
	PAYLOAD_TOO_LARGE,

	/** 410: the invocation timed out or was cancelled (Managed Instances); log it and carry on. */
	INVOCATION_GONE,

	/** 400 or 403: an unknown request id or a second answer; log it and carry on. */
	REJECTED

}
