package dev.lambdaruntime.emulator.lambda;

import dev.lambdaruntime.emulator.http.HttpResponse;

/**
 * The error responses of both APIs: Runtime API errors as Lambda's {@code errorMessage}/{@code errorType} JSON, Invoke
 * API errors the way AWS's REST-JSON services send them (an {@code x-amzn-ErrorType} header and a message).
 */
final class ApiErrors {

	private ApiErrors() {
	}

	static HttpResponse runtime(int status, String errorType, String message) {
		return HttpResponse.json(status, Json.error(errorType, message));
	}

	static HttpResponse badRequest(String message) {
		return runtime(400, "InvalidRequest", message);
	}

	static HttpResponse notFound(String path) {
		return runtime(404, "NotFound", "No such path: " + path);
	}

	static HttpResponse methodNotAllowed(String method, String path) {
		return runtime(405, "MethodNotAllowed", method + " is not allowed on " + path);
	}

	static HttpResponse invalidState(String message) {
		return runtime(403, "InvalidStateTransition", message);
	}

	static HttpResponse service(int status, String errorType, String message) {
		return HttpResponse.json(status, "{\"Type\":\"User\",\"message\":" + Json.string(message) + "}")
			.header("x-amzn-ErrorType", errorType);
	}

}
