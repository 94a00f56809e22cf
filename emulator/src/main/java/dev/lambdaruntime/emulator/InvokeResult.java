package dev.lambdaruntime.emulator;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.jspecify.annotations.Nullable;

/**
 * What the Invoke API answered: status, payload, function error and log tail.
 *
 * @param statusCode 200 for {@code RequestResponse} (errors included), 202 for {@code Event}, 204 for {@code DryRun}
 * @param payload the function's response, or the error JSON when {@code functionError} is set
 * @param functionError {@code Unhandled} when the function failed, timed out or exited, else {@code null}
 * @param logResult base64 of the last 4 KB of the invocation's log when a tail was asked for, else {@code null}
 * @param contentType the response content type, or {@code null} without a payload
 * @param executedVersion always {@code $LATEST}
 * @param requestId the invocation's request id
 */
public record InvokeResult(int statusCode, byte[] payload, @Nullable String functionError, @Nullable String logResult,
		@Nullable String contentType, String executedVersion, String requestId) {

	/**
	 * The payload decoded as UTF-8.
	 * @return the payload text
	 */
	public String payloadAsString() {
		return new String(this.payload, StandardCharsets.UTF_8);
	}

	/**
	 * The log tail decoded from base64 as UTF-8.
	 * @return the log text, or {@code null} when no tail was asked for
	 */
	public @Nullable String logAsString() {
		return (this.logResult != null) ? new String(Base64.getDecoder().decode(this.logResult),
				StandardCharsets.UTF_8) : null;
	}

	@Override
	public String toString() {
		return "InvokeResult[status=" + this.statusCode + ", functionError=" + this.functionError + ", requestId="
				+ this.requestId + ", payload=" + payloadAsString() + "]";
	}

}
