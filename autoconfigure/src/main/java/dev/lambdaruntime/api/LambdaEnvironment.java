package dev.lambdaruntime.api;

import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * The environment Lambda gives a runtime, read into a value at start-up so nothing deeper reads the process
 * environment.
 *
 * @param runtimeApi {@code AWS_LAMBDA_RUNTIME_API}, the Runtime API's {@code host:port}
 * @param handler {@code _HANDLER} (absent for container images)
 * @param taskRoot {@code LAMBDA_TASK_ROOT}
 * @param functionName {@code AWS_LAMBDA_FUNCTION_NAME}
 * @param functionVersion {@code AWS_LAMBDA_FUNCTION_VERSION}
 * @param memorySizeMb {@code AWS_LAMBDA_FUNCTION_MEMORY_SIZE}, or 0 when unknown
 * @param logGroupName {@code AWS_LAMBDA_LOG_GROUP_NAME}
 * @param logStreamName {@code AWS_LAMBDA_LOG_STREAM_NAME}
 * @param region {@code AWS_REGION}
 * @param initializationType {@code AWS_LAMBDA_INITIALIZATION_TYPE}
 * @param executionEnv {@code AWS_EXECUTION_ENV}, set only by Lambda's managed runtimes
 * @param maxConcurrency {@code AWS_LAMBDA_MAX_CONCURRENCY}, or 0 when not set
 */
public record LambdaEnvironment(@Nullable String runtimeApi, @Nullable String handler, @Nullable String taskRoot,
		@Nullable String functionName, @Nullable String functionVersion, int memorySizeMb,
		@Nullable String logGroupName, @Nullable String logStreamName, @Nullable String region,
		@Nullable String initializationType, @Nullable String executionEnv, int maxConcurrency) {

	/** The variable that holds the Runtime API's {@code host:port}. */
	public static final String RUNTIME_API = "AWS_LAMBDA_RUNTIME_API";

	/** The variable that names a managed runtime, set only by Lambda's managed runtimes. */
	public static final String EXECUTION_ENV = "AWS_EXECUTION_ENV";

	/** The variable that says how the environment was initialized: {@code on-demand}, {@code snap-start}, ... */
	public static final String INITIALIZATION_TYPE = "AWS_LAMBDA_INITIALIZATION_TYPE";

	/**
	 * Reads the environment through a lookup, such as {@link System#getenv(String)} or a Spring {@code Environment}.
	 * @param lookup returns a variable's value, or {@code null}
	 * @return the environment
	 * @throws IllegalArgumentException when a numeric variable is not a positive number, naming the variable
	 */
	public static LambdaEnvironment from(Function<String, @Nullable String> lookup) {
		return new LambdaEnvironment(text(lookup, RUNTIME_API), text(lookup, "_HANDLER"),
				text(lookup, "LAMBDA_TASK_ROOT"), text(lookup, "AWS_LAMBDA_FUNCTION_NAME"),
				text(lookup, "AWS_LAMBDA_FUNCTION_VERSION"), number(lookup, "AWS_LAMBDA_FUNCTION_MEMORY_SIZE"),
				text(lookup, "AWS_LAMBDA_LOG_GROUP_NAME"), text(lookup, "AWS_LAMBDA_LOG_STREAM_NAME"),
				text(lookup, "AWS_REGION"), text(lookup, INITIALIZATION_TYPE), text(lookup, EXECUTION_ENV),
				number(lookup, "AWS_LAMBDA_MAX_CONCURRENCY"));
	}

	/**
	 * Reads only the named variables, the others absent: for the decisions taken before start-up reads the whole
	 * environment (whether the runtime loop runs, whether SnapStart's hooks are needed), which must not fail on a
	 * malformed variable they do not use. Start-up then fails on that one, naming it.
	 * @param lookup returns a variable's value, or {@code null}
	 * @param names the variables to read
	 * @return the environment, with only those variables
	 * @throws IllegalArgumentException when one of them is a numeric variable that is not a positive number
	 */
	public static LambdaEnvironment only(Function<String, @Nullable String> lookup, String... names) {
		Set<String> read = Set.of(names);
		return from((name) -> read.contains(name) ? lookup.apply(name) : null);
	}

	/**
	 * Whether one of Lambda's managed Java runtimes runs this process; its own client polls the Runtime API then.
	 * @return {@code true} under {@code AWS_Lambda_java*}
	 */
	public boolean isManagedJavaRuntime() {
		return this.executionEnv != null && this.executionEnv.toLowerCase(Locale.ROOT).startsWith("aws_lambda_java");
	}

	/**
	 * Whether Lambda will snapshot this environment after init (SnapStart).
	 * @return {@code true} when the initialization type is {@code snap-start}
	 */
	public boolean isSnapStart() {
		return "snap-start".equals(this.initializationType);
	}

	/**
	 * How many invocations Lambda may hand this environment at once: {@code AWS_LAMBDA_MAX_CONCURRENCY}, else 1.
	 * @return at least 1
	 */
	public int concurrency() {
		return Math.max(1, this.maxConcurrency);
	}

	private static @Nullable String text(Function<String, @Nullable String> lookup, String name) {
		String value = lookup.apply(name);
		return (value == null || value.isBlank()) ? null : value.trim();
	}

	private static int number(Function<String, @Nullable String> lookup, String name) {
		String value = text(lookup, name);
		if (value == null) {
			return 0;
		}
		try {
			int number = Integer.parseInt(value);
			if (number >= 1) {
				return number;
			}
		}
		catch (NumberFormatException ex) {
			// Reported below, with the variable's name: the exception that reaches Lambda is that one alone.
		}
		throw new IllegalArgumentException(name + " must be a positive whole number, but was '" + value + "'");
	}

}
