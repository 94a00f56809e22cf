package dev.lambdaruntime.autoconfigure;

import java.lang.management.ManagementFactory;

import dev.lambdaruntime.api.LambdaEnvironment;
import org.jspecify.annotations.Nullable;

/**
 * The one line the runtime logs once it serves: the function, the mode, the workers, the init time and the Runtime
 * API. It names no event, no environment variable values beyond these, and nothing secret.
 *
 * @param definition the Spring Cloud Function definition served
 * @param functionName {@code AWS_LAMBDA_FUNCTION_NAME}, when known
 * @param mode how Lambda runs this process
 * @param workers how many invocations are served at once
 * @param endpoint the Runtime API's {@code host:port}
 */
record StartupLine(String definition, @Nullable String functionName, String mode, int workers, String endpoint) {

	static StartupLine of(String definition, LambdaEnvironment environment, int workers, String endpoint) {
		String mode = environment.isSnapStart() ? "custom runtime, SnapStart" : "custom runtime";
		return new StartupLine(definition, environment.functionName(), mode, workers, endpoint);
	}

	/**
	 * The line, with the time since the JVM started as the init time.
	 * @return the message to log
	 */
	String message() {
		return message(jvmUptimeMillis());
	}

	String message(long initMillis) {
		StringBuilder message = new StringBuilder("Lambda runtime started: function '").append(this.definition)
			.append('\'');
		if (this.functionName != null) {
			message.append(" as ").append(this.functionName);
		}
		message.append(", ").append(this.mode).append(", ").append(this.workers);
		message.append((this.workers == 1) ? " worker" : " workers");
		if (initMillis >= 0) {
			message.append(", init ").append(initMillis).append(" ms");
		}
		return message.append(", Runtime API at ").append(this.endpoint).toString();
	}

	private static long jvmUptimeMillis() {
		try {
			return ManagementFactory.getRuntimeMXBean().getUptime();
		}
		catch (LinkageError | RuntimeException ex) {
			// No java.management in this runtime image: leave the init time out.
			return -1;
		}
	}

}
