package dev.lambdaruntime.api;

/**
 * The error types Lambda knows beside an exception's own class name, sent in
 * {@code Lambda-Runtime-Function-Error-Type}: the runtime's one list of them, as AWS's runtime client keeps its own.
 */
public enum LambdaErrorType {

	/** The function cannot start: no function to serve, or an application context that fails. */
	BAD_FUNCTION_CODE("Runtime.BadFunctionCode"),

	/** A SnapStart before-checkpoint hook failed (priming among them). */
	BEFORE_CHECKPOINT_ERROR("Runtime.BeforeCheckpointError"),

	/** A SnapStart after-restore hook failed. */
	AFTER_RESTORE_ERROR("Runtime.AfterRestoreError"),

	/** The function answered more than Lambda's buffered response limit. */
	RESPONSE_SIZE_TOO_LARGE("Function.ResponseSizeTooLarge"),

	/**
	 * The runtime ends before the invocation finished: a shutdown that could not wait longer for it. Lambda reports
	 * a runtime that exits mid-invocation with the same type.
	 */
	EXIT_ERROR("Runtime.ExitError");

	private final String value;

	LambdaErrorType(String value) {
		this.value = value;
	}

	/**
	 * The type as Lambda spells it.
	 * @return such as {@code Runtime.BadFunctionCode}
	 */
	public String value() {
		return this.value;
	}

	@Override
	public String toString() {
		return this.value;
	}

}
