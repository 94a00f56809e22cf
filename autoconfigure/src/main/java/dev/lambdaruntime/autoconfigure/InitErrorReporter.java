package dev.lambdaruntime.autoconfigure;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

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
 * Reports a failed start-up to {@code POST /runtime/init/error} as {@code Runtime.BadFunctionCode}, so Lambda serves
 * the cause to the first invoke instead of timing out; the process then exits non-zero as Spring Boot's failed
 * {@code run} ends {@code main}.
 */
class InitErrorReporter implements ApplicationListener<ApplicationFailedEvent> {

	private static final Logger logger = LoggerFactory.getLogger(InitErrorReporter.class);

	/** Spring's container: creating beans, refreshing the context, running the application. */
	private static final String[] CONTAINER = { "org.springframework.beans.factory.support.",
			"org.springframework.context.support.", "org.springframework.boot.SpringApplication" };

	private static final String[] REFLECTION = { "java.lang.reflect.", "jdk.internal.reflect.", "sun.reflect." };

	@Override
	public void onApplicationEvent(ApplicationFailedEvent event) {
		ConfigurableApplicationContext context = event.getApplicationContext();
		ConfigurableEnvironment environment = (context != null) ? context.getEnvironment() : new StandardEnvironment();
		RuntimeApiDetection detection = RuntimeApiDetection.detect(environment,
				(context != null) ? context.getBeanFactory() : null);
		String endpoint = detection.endpoint();
		if (endpoint == null) {
			return;
		}
		try (RuntimeApiClient client = new RuntimeApiClient(endpoint)) {
			client.reportInitError(LambdaErrorType.BAD_FUNCTION_CODE, report(event.getException()));
		}
		catch (IOException | RuntimeException ex) {
			logger.error("Could not report the start-up failure to the Lambda Runtime API at " + endpoint, ex);
		}
	}

	/**
	 * The report of the exception that says what went wrong: the innermost cause, under the layers Spring wraps it in
	 * (which only repeat its message at length). Its type, message and frames go together; of its frames, those above
	 * Spring's container, which say where it happened, not the container's own, which are alike for every failure.
	 */
	static ErrorReport report(Throwable failure) {
		Throwable named = NestedExceptionUtils.getMostSpecificCause(failure);
		String type = named.getClass().getName();
		String message = named.getMessage();
		return new ErrorReport(type, (message != null) ? message : type, framesAboveTheContainer(named), null);
	}

	private static List<String> framesAboveTheContainer(Throwable throwable) {
		List<String> frames = new ArrayList<>();
		for (StackTraceElement frame : throwable.getStackTrace()) {
			String type = frame.getClassName();
			if (startsWithAny(type, CONTAINER)) {
				break;
			}
			if (!startsWithAny(type, REFLECTION)) {
				frames.add(frame.toString());
			}
		}
		return frames;
	}

	private static boolean startsWithAny(String type, String[] prefixes) {
		for (String prefix : prefixes) {
			if (type.startsWith(prefix)) {
				return true;
			}
		}
		return false;
	}

}
