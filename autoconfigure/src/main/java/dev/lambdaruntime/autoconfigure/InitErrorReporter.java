package dev.lambdaruntime.autoconfigure;

import java.io.IOException;

import dev.lambdaruntime.api.ErrorReport;
import dev.lambdaruntime.api.LambdaErrorType;
import dev.lambdaruntime.api.RuntimeApiClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.StandardEnvironment;

/**
 * Reports a failed start-up to {@code POST /runtime/init/error}, so Lambda serves the cause to the first invoke
 * instead of timing out; the process then exits non-zero as Spring Boot's failed {@code run} ends {@code main}.
 */
class InitErrorReporter implements ApplicationListener<ApplicationFailedEvent> {

	private static final Logger logger = LoggerFactory.getLogger(InitErrorReporter.class);

	@Override
	public void onApplicationEvent(ApplicationFailedEvent event) {
		ConfigurableApplicationContext context = event.getApplicationContext();
		ConfigurableEnvironment environment = (context != null) ? context.getEnvironment() : new StandardEnvironment();
		RuntimeApiDetection detection = RuntimeApiDetection.detect(environment);
		String endpoint = detection.endpoint();
		if (endpoint == null) {
			return;
		}
		try (RuntimeApiClient client = new RuntimeApiClient(endpoint)) {
			client.reportInitError(report(event.getException()));
		}
		catch (IOException | RuntimeException ex) {
			logger.error("Could not report the start-up failure to the Lambda Runtime API at " + endpoint, ex);
		}
	}

	static ErrorReport report(Throwable failure) {
		// The root cause says what went wrong; the chain from the top says where.
		Throwable root = NestedExceptionUtils.getMostSpecificCause(failure);
		ErrorReport chain = ErrorReport.of(failure);
		String message = (root.getMessage() != null) ? root.getMessage() : root.getClass().getName();
		return new ErrorReport(LambdaErrorType.BAD_FUNCTION_CODE.value(), message, chain.stackTrace(), chain.cause());
	}

}
