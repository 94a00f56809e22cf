package dev.lambdaruntime.function;

/**
 * Names of the message headers the runtime sets on each event it hands to a function.
 */
public final class LambdaHeaders {

	/**
	 * The invocation's aws-lambda-java-core {@code Context}; the same name Spring Cloud Function's AWS adapter uses.
	 */
	public static final String CONTEXT = "aws-context";

	/** The invocation's request id. */
	public static final String REQUEST_ID = "lambda-request-id";

	/** The ARN the caller invoked. */
	public static final String INVOKED_FUNCTION_ARN = "lambda-invoked-function-arn";

	/** The X-Ray trace header. */
	public static final String TRACE_ID = "lambda-trace-id";

	/** The deadline, epoch milliseconds. */
	public static final String DEADLINE_MS = "lambda-deadline-ms";

	/** The tenant id, for tenant-isolated functions. */
	public static final String TENANT_ID = "lambda-tenant-id";

	private LambdaHeaders() {
	}

}
