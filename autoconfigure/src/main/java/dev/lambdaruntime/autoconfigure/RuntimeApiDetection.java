package dev.lambdaruntime.autoconfigure;

import dev.lambdaruntime.api.LambdaEnvironment;
import dev.lambdaruntime.handler.FunctionRequestHandler;
import dev.lambdaruntime.handler.ManagedHandlerMarker;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.handler.IgnoreErrorsBindHandler;
import org.springframework.core.env.Environment;
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

	static final String PREFIX = "lambda.runtime";

	static final String ENABLED_PROPERTY = PREFIX + ".enabled";

	static final String API_PROPERTY = PREFIX + ".api";

	/**
	 * Decides before the properties and environment beans exist: for conditions, and for a start-up that failed.
	 * @param environment the application's environment
	 * @param beanFactory its bean factory, where the managed runtime's handler leaves its mark, or {@code null}
	 */
	static RuntimeApiDetection detect(Environment environment, @Nullable BeanFactory beanFactory) {
		return detect(environment, ManagedHandlerMarker.isPresent(beanFactory));
	}

	/**
	 * Decides before the application context exists: as the application's environment is prepared.
	 * @param environment the application's environment
	 * @param managedHandler whether {@link FunctionRequestHandler} starts the application
	 */
	static RuntimeApiDetection detect(Environment environment, boolean managedHandler) {
		// Only what decides: another malformed variable fails start-up where the runtime reads it, by name.
		LambdaEnvironment lambda = LambdaEnvironment.only(environment::getProperty, LambdaEnvironment.RUNTIME_API,
				LambdaEnvironment.EXECUTION_ENV);
		return detect(bind(environment), lambda, managedHandler);
	}

	/**
	 * Decides from the properties, as {@link LambdaRuntimeProperties} binds them, and Lambda's environment.
	 * @param properties the runtime's properties
	 * @param environment Lambda's environment
	 * @param managedHandler whether {@link FunctionRequestHandler} started the application
	 */
	static RuntimeApiDetection detect(LambdaRuntimeProperties properties, LambdaEnvironment environment,
			boolean managedHandler) {
		if (!properties.isEnabled()) {
			return new RuntimeApiDetection(null, ENABLED_PROPERTY + " is false", false);
		}
		if (managedHandler) {
			return new RuntimeApiDetection(null, "the managed Java runtime's handler started the application", true);
		}
		if (environment.isManagedJavaRuntime()) {
			// The managed runtime's own client polls; polling beside it would steal invocations.
			return new RuntimeApiDetection(null, "AWS_EXECUTION_ENV names a managed Java runtime ("
					+ environment.executionEnv() + ")", false);
		}
		String api = properties.getApi();
		if (StringUtils.hasText(api)) {
			return new RuntimeApiDetection(api.trim(), API_PROPERTY + " is set", false);
		}
		if (environment.runtimeApi() != null) {
			return new RuntimeApiDetection(environment.runtimeApi(), "AWS_LAMBDA_RUNTIME_API is set", false);
		}
		return new RuntimeApiDetection(null, "neither AWS_LAMBDA_RUNTIME_API nor " + API_PROPERTY + " is set",
				false);
	}

	/**
	 * Binds the properties as the properties bean will, but leniently: a malformed {@code lambda.runtime.*} value
	 * fails there, with Spring Boot's own message, and must not stop a condition or a failure report first.
	 */
	private static LambdaRuntimeProperties bind(Environment environment) {
		return Binder.get(environment)
			.bindOrCreate(PREFIX, Bindable.of(LambdaRuntimeProperties.class), new IgnoreErrorsBindHandler());
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
