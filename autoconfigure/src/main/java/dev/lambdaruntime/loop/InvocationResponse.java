package dev.lambdaruntime.loop;

import dev.lambdaruntime.api.ResponseStream;
import org.jspecify.annotations.Nullable;

/**
 * The bytes an invocation answers with, and their content type; or a stream that writes them as they are produced
 * (Lambda's response streaming).
 *
 * @param body the response body (empty when streamed)
 * @param contentType the content type passed on to the caller, or {@code null} for the API's default
 * @param stream writes the body as it is produced, or {@code null} for a buffered body
 */
public record InvocationResponse(byte[] body, @Nullable String contentType, @Nullable ResponseStream stream) {

	/** An empty JSON-less answer, for consumers. */
	public static final InvocationResponse EMPTY = new InvocationResponse(new byte[0], null);

	/**
	 * A buffered answer.
	 * @param body the response body
	 * @param contentType the content type passed on to the caller, or {@code null} for the API's default
	 */
	public InvocationResponse(byte[] body, @Nullable String contentType) {
		this(body, contentType, null);
	}

	/**
	 * An answer streamed as it is produced.
	 * @param contentType the content type passed on to the caller, or {@code null} for the API's default
	 * @param stream writes the body
	 * @return the response
	 */
	public static InvocationResponse streaming(@Nullable String contentType, ResponseStream stream) {
		return new InvocationResponse(new byte[0], contentType, stream);
	}

	@Override
	public String toString() {
		return (this.stream != null) ? "InvocationResponse[streamed, contentType=" + this.contentType + "]"
				: "InvocationResponse[bytes=" + this.body.length + ", contentType=" + this.contentType + "]";
	}

}
