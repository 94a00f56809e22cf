package dev.lambdaruntime.loop;

import org.jspecify.annotations.Nullable;

/**
 * The bytes an invocation answers with, and their content type.
 *
 * @param body the response body
 * @param contentType the content type passed on to the caller, or {@code null} for the API's default
 */
public record InvocationResponse(byte[] body, @Nullable String contentType) {

	/** An empty JSON-less answer, for consumers. */
	public static final InvocationResponse EMPTY = new InvocationResponse(new byte[0], null);

	@Override
	public String toString() {
		return "InvocationResponse[bytes=" + this.body.length + ", contentType=" + this.contentType + "]";
	}

}
