package dev.lambdaruntime.api;

import java.io.IOException;

import org.jspecify.annotations.Nullable;

/**
 * Turns a {@code 200} answer to {@code GET /runtime/invocation/next} into an {@link Invocation}.
 */
final class InvocationDecoder {

	private InvocationDecoder() {
	}

	/**
	 * Reads the invocation from the response's headers and body.
	 * @param response the answer to {@code /next}
	 * @return the invocation
	 * @throws IOException when the request id is missing or the deadline is not a number
	 */
	static Invocation decode(HttpResponse response) throws IOException {
		ResponseHeaders headers = response.headers();
		String requestId = value(headers, RuntimeApiHeaders.REQUEST_ID);
		if (requestId == null) {
			throw new IOException("Runtime API sent an event without a " + RuntimeApiHeaders.REQUEST_ID + " header");
		}
		return new Invocation(requestId, deadline(value(headers, RuntimeApiHeaders.DEADLINE_MS)),
				value(headers, RuntimeApiHeaders.INVOKED_FUNCTION_ARN), value(headers, RuntimeApiHeaders.TRACE_ID),
				value(headers, RuntimeApiHeaders.CLIENT_CONTEXT), value(headers, RuntimeApiHeaders.COGNITO_IDENTITY),
				value(headers, RuntimeApiHeaders.TENANT_ID), value(headers, RuntimeApiHeaders.INVOCATION_ID),
				value(headers, RuntimeApiHeaders.CONTENT_TYPE), response.body());
	}

	private static @Nullable String value(ResponseHeaders headers, String name) {
		String value = headers.get(name);
		return (value == null || value.isEmpty()) ? null : value;
	}

	private static long deadline(@Nullable String text) throws IOException {
		if (text == null) {
			return 0;
		}
		if (text.length() > 18) {
			throw malformedDeadline(text);
		}
		long deadline = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c < '0' || c > '9') {
				throw malformedDeadline(text);
			}
			deadline = deadline * 10 + (c - '0');
		}
		return deadline;
	}

	private static IOException malformedDeadline(String text) {
		return new IOException("malformed " + RuntimeApiHeaders.DEADLINE_MS + " header '" + text + "'");
	}

}
