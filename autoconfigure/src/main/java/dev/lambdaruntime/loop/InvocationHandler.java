package dev.lambdaruntime.loop;

import dev.lambdaruntime.api.Invocation;

/**
 * Turns one event into its response; called by many workers at once, so implementations must be thread-safe.
 */
@FunctionalInterface
public interface InvocationHandler {

	/**
	 * Handles one invocation.
	 * @param invocation the event and its metadata
	 * @return the response to send
	 * @throws Exception any failure, reported to Lambda as the invocation's error
	 */
	InvocationResponse handle(Invocation invocation) throws Exception;

}
