package dev.lambdaruntime.api;

import org.jspecify.annotations.Nullable;

/**
 * One request to the Runtime API: method, target, extra headers and an optional body.
 *
 * @param method the HTTP method
 * @param target the request target, already safe for the request line
 * @param headers extra header names and values, alternating
 * @param body the body, or {@code null} for none (then no {@code Content-Length} is sent)
 * @param stream a body written as it is produced, in chunks, instead; or {@code null}
 */
record HttpRequest(String method, String target, String[] headers, byte @Nullable [] body,
		@Nullable ResponseStream stream) {

	private static final String[] NO_HEADERS = {};

	static HttpRequest get(String target) {
		return new HttpRequest("GET", target, NO_HEADERS, null, null);
	}

	static HttpRequest post(String target, byte[] body, String... headers) {
		return new HttpRequest("POST", target, headers, body, null);
	}

	static HttpRequest postStreaming(String target, ResponseStream stream, String... headers) {
		return new HttpRequest("POST", target, headers, null, stream);
	}

	@Override
	public String toString() {
		return this.method + " " + this.target;
	}

}
