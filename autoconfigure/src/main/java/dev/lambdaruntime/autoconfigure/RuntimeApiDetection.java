package dev.lambdaruntime.autoconfigure;

import dev.lambdaruntime.api.LambdaEnvironment;
import dev.lambdaruntime.handler.FunctionRequestHandler;
import org.jspecify.annotations.Nullable;

import org.springframework.core.env.PropertyResolver;
import org.springframework.util.StringUtils;

/**
 * Decides whether the Lambda Runtime API is meant for this application's own loop, and where it is, or whether the
 * managed Java runtime's handler started the application and serves its events.
 *
 * @param endpoint the Runtime API's {@code host:port}, when the loop should run
 * @param reason why the loop runs or not, for condition reports and logs
 * @param managedHandler whether {@link FunctionRequestHandler} started the application
 */
record RuntimeApiDetection(@Nullable String endpoint, String reason, boolean managedHandler) {

	static final String ENABLED_PROPERTY = "lambda.runtime.enabled";

	static final String API_PROPERTY = "lambda.runtime.api";

	static RuntimeApiDetection detect(PropertyResolver properties) {
		if (!properties.getProperty(ENABLED_PROPERTY, Boolean.class, true)) {
			return new RuntimeApiDetection(null, ENABLED_PROPERTY + " is false", false);
		}
		if (properties.getProperty(FunctionRequestHandler.MANAGED_HANDLER_PROPERTY, Boolean.class, false)) {
			return new RuntimeApiDetection(null, "the managed Java runtime's handler started the application", true);
		}
		LambdaEnvironment environment = LambdaEnvironment.from(properties::getProperty);
		if (environment.isManagedJavaRuntime()) {
			// The managed runtime's own client polls; polling beside it would steal invocations.
			return new RuntimeApiDetection(null, "AWS_EXECUTION_ENV names a managed Java runtime ("
					+ environment.executionEnv() + ")", false);
		}
		String property = properties.getProperty(API_PROPERTY);
		if (StringUtils.hasText(property)) {
			return new RuntimeApiDetection(property.trim(), API_PROPERTY + " is set", false);
		}
		if (environment.runtimeApi() != null) {
			return new RuntimeApiDetection(environment.runtimeApi(), "AWS_LAMBDA_RUNTIME_API is set", false);
		}
		return new RuntimeApiDetection(null, "neither AWS_LAMBDA_RUNTIME_API nor " + API_PROPERTY + " is set",
				false);
	}

	/**
	 * Whether the runtime loop should run.
	 */
	boolean active() {
		return this.endpoint != null;
	}

	/**
	 * Whether this application serves Lambda events at all: with its own loop, or through the managed handler.
	 */
	boolean servesEvents() {
		return active() || this.managedHandler;
	}

}
