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
	 * Starts an invocation with only what every one has; the rest is absent until set. For tests, priming and the
	 * managed runtime's handler, which make invocations the Runtime API did not send.
	 * @param requestId the request id
	 * @param payload the event bytes
	 * @return a builder
	 */
	public static Builder builder(String requestId, byte[] payload) {
		return new Builder(requestId, payload);
	}

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

	/**
	 * Builds an {@link Invocation}, one named field at a time.
	 */
	public static final class Builder {

		private final String requestId;

		private final byte[] payload;

		private long deadlineMs;

		private @Nullable String invokedFunctionArn;

		private @Nullable String traceId;

		private @Nullable String clientContext;

		private @Nullable String cognitoIdentity;

		private @Nullable String tenantId;

		private @Nullable String invocationId;

		private @Nullable String contentType;

		private Builder(String requestId, byte[] payload) {
			this.requestId = requestId;
			this.payload = payload;
		}

		/**
		 * The deadline.
		 * @param deadlineMs epoch milliseconds
		 * @return this builder
		 */
		public Builder deadlineMs(long deadlineMs) {
			this.deadlineMs = deadlineMs;
			return this;
		}

		/**
		 * The ARN the caller invoked.
		 * @param invokedFunctionArn the ARN
		 * @return this builder
		 */
		public Builder invokedFunctionArn(@Nullable String invokedFunctionArn) {
			this.invokedFunctionArn = invokedFunctionArn;
			return this;
		}

		/**
		 * The X-Ray trace header.
		 * @param traceId the header value
		 * @return this builder
		 */
		public Builder traceId(@Nullable String traceId) {
			this.traceId = traceId;
			return this;
		}

		/**
		 * The mobile client context.
		 * @param clientContext its JSON
		 * @return this builder
		 */
		public Builder clientContext(@Nullable String clientContext) {
			this.clientContext = clientContext;
			return this;
		}

		/**
		 * The Cognito identity.
		 * @param cognitoIdentity its JSON
		 * @return this builder
		 */
		public Builder cognitoIdentity(@Nullable String cognitoIdentity) {
			this.cognitoIdentity = cognitoIdentity;
			return this;
		}

		/**
		 * The tenant id, for tenant-isolated functions.
		 * @param tenantId the tenant id
		 * @return this builder
		 */
		public Builder tenantId(@Nullable String tenantId) {
			this.tenantId = tenantId;
			return this;
		}

		/**
		 * The invocation id Lambda sends to be echoed.
		 * @param invocationId the invocation id
		 * @return this builder
		 */
		public Builder invocationId(@Nullable String invocationId) {
			this.invocationId = invocationId;
			return this;
		}

		/**
		 * The event's content type.
		 * @param contentType the content type
		 * @return this builder
		 */
		public Builder contentType(@Nullable String contentType) {
			this.contentType = contentType;
			return this;
		}

		/**
		 * The invocation.
		 * @return the invocation
		 */
		public Invocation build() {
			return new Invocation(this.requestId, this.deadlineMs, this.invokedFunctionArn, this.traceId,
					this.clientContext, this.cognitoIdentity, this.tenantId, this.invocationId, this.contentType,
					this.payload);
		}

	}

}
