package dev.lambdaruntime.api;

/**
 * The Runtime API's header names: those {@code /next} answers with, and those the runtime sends with its answers;
 * and the Extensions API's.
 */
final class RuntimeApiHeaders {

	static final String REQUEST_ID = "Lambda-Runtime-Aws-Request-Id";

	static final String DEADLINE_MS = "Lambda-Runtime-Deadline-Ms";

	static final String INVOKED_FUNCTION_ARN = "Lambda-Runtime-Invoked-Function-Arn";

	static final String TRACE_ID = "Lambda-Runtime-Trace-Id";

	static final String CLIENT_CONTEXT = "Lambda-Runtime-Client-Context";

	static final String COGNITO_IDENTITY = "Lambda-Runtime-Cognito-Identity";

	static final String TENANT_ID = "Lambda-Runtime-Aws-Tenant-Id";

	/** Sent with {@code /next}'s event, and echoed on that invocation's answer. */
	static final String INVOCATION_ID = "Lambda-Runtime-Invocation-Id";

	static final String CONTENT_TYPE = "Content-Type";

	/** Beside an error: its type; also the name of the streaming error trailer. */
	static final String FUNCTION_ERROR_TYPE = "Lambda-Runtime-Function-Error-Type";

	/** The streaming error trailer with the error body, in base64. */
	static final String FUNCTION_ERROR_BODY = "Lambda-Runtime-Function-Error-Body";

	static final String FUNCTION_XRAY_ERROR_CAUSE = "Lambda-Runtime-Function-XRay-Error-Cause";

	static final String FUNCTION_RESPONSE_MODE = "Lambda-Runtime-Function-Response-Mode";

	/** The {@link #FUNCTION_RESPONSE_MODE} of a streamed response. */
	static final String STREAMING = "streaming";

	/** The Extensions API: the extension's name, unique among the function's extensions, at registration. */
	static final String EXTENSION_NAME = "Lambda-Extension-Name";

	/** The Extensions API: what Lambda calls the registered extension, sent with every later call. */
	static final String EXTENSION_IDENTIFIER = "Lambda-Extension-Identifier";

	/** The Extensions API: the type of the error an extension reports before it exits. */
	static final String EXTENSION_ERROR_TYPE = "Lambda-Extension-Function-Error-Type";

	private RuntimeApiHeaders() {
	}

}
