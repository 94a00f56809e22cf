package dev.lambdaruntime.api;

import java.io.IOException;

import org.jspecify.annotations.Nullable;

/**
 * Turns a {@code 200} answer to {@code GET /runtime/invocation/next} into an {@link Invocation}.
 */
final class InvocationDecoder {

	static final String REQUEST_ID = "Lambda-Runtime-Aws-Request-Id";

	static final String DEADLINE = "Lambda-Runtime-Deadline-Ms";

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
		String requestId = value(headers, REQUEST_ID);
		if (requestId == null) {
			throw new IOException("Runtime API sent an event without a " + REQUEST_ID + " header");
		}
		return new Invocation(requestId, deadline(value(headers, DEADLINE)),
				value(headers, "Lambda-Runtime-Invoked-Function-Arn"), value(headers, "Lambda-Runtime-Trace-Id"),
				value(headers, "Lambda-Runtime-Client-Context"), value(headers, "Lambda-Runtime-Cognito-Identity"),
				value(headers, "Lambda-Runtime-Aws-Tenant-Id"), value(headers, "Lambda-Runtime-Invocation-Id"),
				value(headers, "Content-Type"), response.body());
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
		return new IOException("malformed " + DEADLINE + " header '" + text + "'");
	}

}
