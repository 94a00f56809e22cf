package dev.lambdaruntime.emulator.lambda;

import java.nio.charset.StandardCharsets;

import dev.lambdaruntime.emulator.InvokeResult;
import dev.lambdaruntime.emulator.RuntimeError;
import org.jspecify.annotations.Nullable;

/**
 * How an invocation ended, before it becomes an {@link InvokeResult}.
 *
 * @param kind what happened
 * @param payload the response, or the error JSON
 * @param contentType the payload's content type
 * @param errorType the error type for every kind but {@link Kind#RESPONSE}
 */
public record Outcome(Kind kind, byte[] payload, String contentType, @Nullable String errorType) {

	static final String JSON = "application/json";

	static Outcome response(byte[] payload, @Nullable String contentType) {
		return new Outcome(Kind.RESPONSE, payload, (contentType != null) ? contentType : JSON, null);
	}

	static Outcome functionError(String errorType, byte[] body) {
		byte[] payload = (body.length > 0) ? body : utf8(Json.error(errorType, ""));
		return new Outcome(Kind.FUNCTION_ERROR, payload, JSON, errorType);
	}

	static Outcome failure(Kind kind, String errorType, String message) {
		return new Outcome(kind, utf8(Json.error(errorType, message)), JSON, errorType);
	}

	static Outcome initError(RuntimeError error) {
		return functionError(error.errorType(), utf8(error.body())).as(Kind.INIT_ERROR);
	}

	boolean isError() {
		return this.kind != Kind.RESPONSE;
	}

	private Outcome as(Kind kind) {
		return new Outcome(kind, this.payload, this.contentType, this.errorType);
	}

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * The ways an invocation ends.
	 */
	public enum Kind {

		/** The runtime posted a response. */
		RESPONSE,

		/** The runtime posted to {@code /error}, or streamed the error trailers. */
		FUNCTION_ERROR,

		/** The function timeout passed. */
		TIMEOUT,

		/** The response was over 6 MiB + 100 B. */
		TOO_LARGE,

		/** The runtime process exited. */
		EXIT_ERROR,

		/** The runtime failed to start ({@code /runtime/init/error} or {@code /runtime/restore/error}). */
		INIT_ERROR

	}

}
