package dev.lambdaruntime.autoconfigure;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import dev.lambdaruntime.api.ErrorReport;
import dev.lambdaruntime.api.LambdaErrorType;
import dev.lambdaruntime.api.RuntimeApiClient;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.SmartApplicationListener;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.StandardEnvironment;

/**
 * Reports a failed start-up to {@code POST /runtime/init/error} as {@code Runtime.BadFunctionCode}, so Lambda serves
 * the cause to the first invoke instead of timing out; the process then exits non-zero as Spring Boot's failed
 * {@code run} ends {@code main}. It covers failures before the application context exists too (an environment
 * post-processor, a malformed variable, missing configuration), with the application's own settings, and never
 * throws itself.
 */
class InitErrorReporter implements SmartApplicationListener {

	private static final Logger logger = LoggerFactory.getLogger(InitErrorReporter.class);

	/** Spring's container: creating beans, refreshing the context, running the application. */
	private static final String[] CONTAINER = { "org.springframework.beans.factory.support.",
			"org.springframework.context.support.", "org.springframework.boot.SpringApplication" };

	private static final String[] REFLECTION = { "java.lang.reflect.", "jdk.internal.reflect.", "sun.reflect." };

	/** The application's environment, once prepared: a failure before the context exists has no other. */
	private @Nullable ConfigurableEnvironment environment;

	@Override
	public boolean supportsEventType(Class<? extends ApplicationEvent> eventType) {
		return ApplicationEnvironmentPreparedEvent.class.isAssignableFrom(eventType)
				|| ApplicationFailedEvent.class.isAssignableFrom(eventType);
	}

	/**
	 * First: the environment is prepared for the environment post-processors, which may fail.
	 */
	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	@Override
	public void onApplicationEvent(ApplicationEvent event) {
		if (event instanceof ApplicationEnvironmentPreparedEvent prepared) {
			this.environment = prepared.getEnvironment();
		}
		else if (event instanceof ApplicationFailedEvent failed) {
			try {
				report(failed);
			}
			catch (RuntimeException ex) {
				logger.error("Could not report the start-up failure to the Lambda Runtime API", ex);
			}
		}
	}

	private void report(ApplicationFailedEvent event) {
		ConfigurableApplicationContext context = event.getApplicationContext();
		ConfigurableEnvironment environment = (context != null) ? context.getEnvironment()
				: (this.environment != null) ? this.environment : new StandardEnvironment();
		String endpoint = RuntimeApiDetection.detect(environment, (context != null) ? beanFactory(context) : null)
			.endpoint();
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
	 * The context's bean factory, where the managed runtime's handler leaves its mark; none when the context failed
	 * before it had one.
	 */
	private static @Nullable BeanFactory beanFactory(ConfigurableApplicationContext context) {
		try {
			return context.getBeanFactory();
		}
		catch (IllegalStateException ex) {
			return null;
		}
	}

	/**
	 * The report of the exception that says what went wrong: the innermost cause, under the layers Spring wraps it in
	 * (which only repeat its message at length). Its type, message and frames go together; of its frames, those above
	 * Spring's container, which say where it happened, not the container's own, which are alike for every failure.
	 * A property that could not be bound is named first, as the innermost cause (a number that does not parse, say)
	 * does not say which property held it.
	 */
	static ErrorReport report(Throwable failure) {
		Throwable named = NestedExceptionUtils.getMostSpecificCause(failure);
		String type = named.getClass().getName();
		String message = (named.getMessage() != null) ? named.getMessage() : type;
		BindException binding = bindFailure(failure);
		if (binding != null && binding != named) {
			message = binding.getMessage() + ": " + message;
		}
		return new ErrorReport(type, message, framesAboveTheContainer(named), null);
	}

	private static @Nullable BindException bindFailure(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof BindException binding) {
				return binding;
			}
		}
		return null;
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
