package dev.lambdaruntime.emulator;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One request the runtime sent to the Runtime API, as recorded by the emulator.
 *
 * @param method the HTTP method
 * @param path the request target as sent, for example {@code /2018-06-01/runtime/invocation/next}
 * @param headers the request headers, looked up case-insensitively
 * @param body the request body (for a chunked body: the chunks joined; empty when it was over the limit)
 * @param trailers the chunked trailers, looked up case-insensitively
 * @param fault the fault injected into this request, or {@code null} when the emulator behaved
 * @param connection which connection carried it, counting the emulator's accepted connections from 1
 */
public record RuntimeRequest(String method, String path, Map<String, String> headers, byte[] body,
		Map<String, String> trailers, @Nullable Fault fault, int connection) {

	/**
	 * The body decoded as UTF-8.
	 * @return the body text
	 */
	public String bodyAsString() {
		return new String(this.body, StandardCharsets.UTF_8);
	}

	/**
	 * A header, looked up case-insensitively; repeated headers are joined with {@code ", "}.
	 * @param name the header name
	 * @return the value, or {@code null} when absent
	 */
	public @Nullable String header(String name) {
		return this.headers.get(name);
	}

	/**
	 * A trailer, looked up case-insensitively.
	 * @param name the trailer name
	 * @return the value, or {@code null} when absent
	 */
	public @Nullable String trailer(String name) {
		return this.trailers.get(name);
	}

	@Override
	public String toString() {
		return "RuntimeRequest[" + this.method + " " + this.path + ", bodyBytes=" + this.body.length
				+ ((this.fault != null) ? ", fault=" + this.fault : "") + "]";
	}

}
