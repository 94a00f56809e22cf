package dev.lambdaruntime.emulator;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * One call of the Invoke API: the event and the options a caller can set on it.
 *
 * @param payload the event bytes
 * @param invocationType {@code RequestResponse}, {@code Event} or {@code DryRun}
 * @param tailLog whether to return the last 4 KB of the invocation's log ({@code X-Amz-Log-Type: Tail})
 * @param clientContextJson the client context JSON, passed to the runtime as {@code Lambda-Runtime-Client-Context}
 * @param tenantId the tenant, passed to the runtime as {@code Lambda-Runtime-Aws-Tenant-Id}
 */
public record InvokeRequest(byte[] payload, String invocationType, boolean tailLog, @Nullable String clientContextJson,
		@Nullable String tenantId) {

	/** The synchronous invocation type. */
	public static final String REQUEST_RESPONSE = "RequestResponse";

	/** The asynchronous invocation type: queued, answered 202 at once. */
	public static final String EVENT = "Event";

	/** The invocation type that only checks the call: answered 204, nothing runs. */
	public static final String DRY_RUN = "DryRun";

	private static final Set<String> TYPES = Set.of(REQUEST_RESPONSE, EVENT, DRY_RUN);

	public InvokeRequest {
		Objects.requireNonNull(payload, "payload");
		Objects.requireNonNull(invocationType, "invocationType");
		if (!TYPES.contains(invocationType)) {
			throw new IllegalArgumentException("Invocation type must be one of " + TYPES + ", not " + invocationType);
		}
		if (clientContextJson != null && hasLineBreak(clientContextJson)) {
			throw new IllegalArgumentException("Client context must not contain control characters");
		}
		if (tenantId != null && (tenantId.isEmpty() || hasLineBreak(tenantId))) {
			throw new IllegalArgumentException("Tenant id must be non-empty and free of control characters");
		}
	}

	/**
	 * A synchronous invocation of a UTF-8 payload.
	 * @param payload the event
	 * @return the request
	 */
	public static InvokeRequest of(String payload) {
		return of(payload.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * A synchronous invocation of raw bytes.
	 * @param payload the event
	 * @return the request
	 */
	public static InvokeRequest of(byte[] payload) {
		return new InvokeRequest(payload, REQUEST_RESPONSE, false, null, null);
	}

	public InvokeRequest withInvocationType(String invocationType) {
		return new InvokeRequest(this.payload, invocationType, this.tailLog, this.clientContextJson, this.tenantId);
	}

	public InvokeRequest withTailLog(boolean tailLog) {
		return new InvokeRequest(this.payload, this.invocationType, tailLog, this.clientContextJson, this.tenantId);
	}

	public InvokeRequest withClientContext(@Nullable String clientContextJson) {
		return new InvokeRequest(this.payload, this.invocationType, this.tailLog, clientContextJson, this.tenantId);
	}

	public InvokeRequest withTenantId(@Nullable String tenantId) {
		return new InvokeRequest(this.payload, this.invocationType, this.tailLog, this.clientContextJson, tenantId);
	}

	private static boolean hasLineBreak(String value) {
		return value.chars().anyMatch((c) -> c < 0x20 || c == 0x7f);
	}

	@Override
	public String toString() {
		return "InvokeRequest[" + this.invocationType + ", payloadBytes=" + this.payload.length + "]";
	}

}
