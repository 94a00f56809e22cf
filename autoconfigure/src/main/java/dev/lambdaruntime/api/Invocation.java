package dev.lambdaruntime.api;

import org.jspecify.annotations.Nullable;

/**
 * One event handed out by {@code GET /runtime/invocation/next}, with every header Lambda sends beside it.
 *
 * @param requestId the {@code Lambda-Runtime-Aws-Request-Id}
 * @param deadlineMs the {@code Lambda-Runtime-Deadline-Ms}, epoch milliseconds, or {@code 0} when absent
 * @param invokedFunctionArn the {@code Lambda-Runtime-Invoked-Function-Arn}
 * @param traceId the {@code Lambda-Runtime-Trace-Id} (X-Ray trace header)
 * @param clientContext the {@code Lambda-Runtime-Client-Context} JSON
 * @param cognitoIdentity the {@code Lambda-Runtime-Cognito-Identity} JSON
 * @param tenantId the {@code Lambda-Runtime-Aws-Tenant-Id}
 * @param invocationId the {@code Lambda-Runtime-Invocation-Id}, echoed on this invocation's answer
 * @param contentType the event's {@code Content-Type}
 * @param payload the raw event bytes
 */
public record Invocation(String requestId, long deadlineMs, @Nullable String invokedFunctionArn,
		@Nullable String traceId, @Nullable String clientContext, @Nullable String cognitoIdentity,
		@Nullable String tenantId, @Nullable String invocationId, @Nullable String contentType, byte[] payload) {

	/**
	 * Milliseconds left before the deadline, as seen from {@code nowMs}; {@link Long#MAX_VALUE} without a deadline.
	 * @param nowMs the current time in epoch milliseconds
	 * @return the remaining time, never negative
	 */
	public long remainingMillis(long nowMs) {
		return (this.deadlineMs > 0) ? Math.max(0, this.deadlineMs - nowMs) : Long.MAX_VALUE;
	}

	@Override
	public String toString() {
		// Never the payload: events may carry secrets.
		return "Invocation[requestId=" + this.requestId + ", payloadBytes=" + this.payload.length + "]";
	}

}
