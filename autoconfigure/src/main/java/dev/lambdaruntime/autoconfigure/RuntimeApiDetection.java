package dev.lambdaruntime.autoconfigure;

import dev.lambdaruntime.api.LambdaEnvironment;
import org.jspecify.annotations.Nullable;

import org.springframework.core.env.PropertyResolver;
import org.springframework.util.StringUtils;

/**
 * Decides whether the Lambda Runtime API is meant for this application's own loop, and where it is.
 *
 * @param endpoint the Runtime API's {@code host:port}, when the loop should run
 * @param reason why the loop runs or not, for condition reports and logs
 */
record RuntimeApiDetection(@Nullable String endpoint, String reason) {

	static final String ENABLED_PROPERTY = "lambda.runtime.enabled";

	static final String API_PROPERTY = "lambda.runtime.api";

	static RuntimeApiDetection detect(PropertyResolver properties) {
		if (!properties.getProperty(ENABLED_PROPERTY, Boolean.class, true)) {
			return new RuntimeApiDetection(null, ENABLED_PROPERTY + " is false");
		}
		LambdaEnvironment environment = LambdaEnvironment.from(properties::getProperty);
		if (environment.isManagedJavaRuntime()) {
			// The managed runtime's own client polls; polling beside it would steal invocations.
			return new RuntimeApiDetection(null, "AWS_EXECUTION_ENV names a managed Java runtime ("
					+ environment.executionEnv() + ")");
		}
		String property = properties.getProperty(API_PROPERTY);
		if (StringUtils.hasText(property)) {
			return new RuntimeApiDetection(property.trim(), API_PROPERTY + " is set");
		}
		if (environment.runtimeApi() != null) {
			return new RuntimeApiDetection(environment.runtimeApi(), "AWS_LAMBDA_RUNTIME_API is set");
		}
		return new RuntimeApiDetection(null, "neither AWS_LAMBDA_RUNTIME_API nor " + API_PROPERTY + " is set");
	}

	boolean active() {
		return this.endpoint != null;
	}

}
