package dev.lambdaruntime.logging;

import dev.lambdaruntime.api.Invocation;
import dev.lambdaruntime.loop.InvocationScope;
import org.slf4j.MDC;

/**
 * Puts the request id in the MDC under {@value #KEY}, the key AWS's Java libraries use, for the whole of each
 * invocation: from the event's arrival until its answer is sent, so the runtime's own lines about it carry it too.
 */
public final class RequestIdMdc implements InvocationScope {

	/** The MDC key for the request id. */
	public static final String KEY = "AWSRequestId";

	@Override
	public void enter(Invocation invocation) {
		MDC.put(KEY, invocation.requestId());
	}

	@Override
	public void exit(Invocation invocation) {
		MDC.remove(KEY);
	}

}
