package dev.lambdaruntime.logging;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.logging.logback.LogbackLoggingSystem;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.ClassUtils;

/**
 * Applies Lambda's logging controls to Spring Boot's logging, each only where the application has not configured its
 * own: {@code AWS_LAMBDA_LOG_FORMAT=JSON} selects {@link LambdaJsonLogFormatter} for the console, {@code TEXT} adds
 * the request id to Boot's console pattern, and {@code AWS_LAMBDA_LOG_LEVEL} sets the root level.
 */
class LambdaLoggingEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	static final String PROPERTY_SOURCE_NAME = "lambdaLogging";

	static final String LOG_FORMAT = "AWS_LAMBDA_LOG_FORMAT";

	static final String LOG_LEVEL = "AWS_LAMBDA_LOG_LEVEL";

	static final String STRUCTURED_FORMAT_PROPERTY = "logging.structured.format.console";

	static final String CORRELATION_PATTERN_PROPERTY = "logging.pattern.correlation";

	static final String ROOT_LEVEL_PROPERTY = "logging.level.root";

	/** Boot's correlation converter: {@code [request-id] } inside an invocation, as many blanks outside. */
	static final String REQUEST_ID_PATTERN = "%correlationId{" + RequestIdMdc.KEY + "(36)}";

	private static final String[] LAMBDA_MARKERS = { LOG_FORMAT, LOG_LEVEL, "AWS_LAMBDA_RUNTIME_API",
			"AWS_LAMBDA_FUNCTION_NAME", "lambda.runtime.api" };

	private final Log logger;

	LambdaLoggingEnvironmentPostProcessor(DeferredLogFactory logFactory) {
		this.logger = logFactory.getLog(LambdaLoggingEnvironmentPostProcessor.class);
	}

	@Override
	public int getOrder() {
		// After the config data processor, so the application's own settings are all visible.
		return Ordered.LOWEST_PRECEDENCE;
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (!onLambda(environment)) {
			return;
		}
		Map<String, Object> properties = new LinkedHashMap<>();
		String format = environment.getProperty(LOG_FORMAT, "").trim();
		if (!format.isEmpty() && !format.equalsIgnoreCase("JSON") && !format.equalsIgnoreCase("TEXT")) {
			this.logger.warn("Ignoring " + LOG_FORMAT + "=" + format + ": Lambda's formats are TEXT and JSON; "
					+ "keeping the text format");
		}
		if ("JSON".equalsIgnoreCase(format)) {
			if (isLogback(application.getClassLoader())) {
				putUnlessSet(environment, properties, STRUCTURED_FORMAT_PROPERTY, LambdaJsonLogFormatter.class.getName());
			}
			else {
				this.logger.warn(LOG_FORMAT + "=JSON needs Logback as the logging system; keeping the text format");
			}
		}
		else {
			putUnlessSet(environment, properties, CORRELATION_PATTERN_PROPERTY, REQUEST_ID_PATTERN);
		}
		String level = environment.getProperty(LOG_LEVEL);
		if (level != null && !level.isBlank()) {
			LogLevel rootLevel = rootLevel(level);
			if (rootLevel != null) {
				putUnlessSet(environment, properties, ROOT_LEVEL_PROPERTY, rootLevel.name());
			}
			else {
				this.logger.warn("Ignoring " + LOG_LEVEL + "=" + level
						+ ": Lambda's levels are TRACE, DEBUG, INFO, WARN, ERROR and FATAL");
			}
		}
		if (!properties.isEmpty()) {
			environment.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE_NAME, properties));
		}
	}

	/**
	 * Maps one of Lambda's application log levels to Spring Boot's.
	 * @param level {@code AWS_LAMBDA_LOG_LEVEL}, in any case
	 * @return the level, or {@code null} when Lambda has no such level
	 */
	static @Nullable LogLevel rootLevel(String level) {
		return switch (level.trim().toUpperCase(Locale.ROOT)) {
			case "TRACE" -> LogLevel.TRACE;
			case "DEBUG" -> LogLevel.DEBUG;
			case "INFO" -> LogLevel.INFO;
			case "WARN" -> LogLevel.WARN;
			case "ERROR" -> LogLevel.ERROR;
			case "FATAL" -> LogLevel.FATAL;
			default -> null;
		};
	}

	private static boolean onLambda(ConfigurableEnvironment environment) {
		for (String marker : LAMBDA_MARKERS) {
			if (environment.containsProperty(marker)) {
				return true;
			}
		}
		return false;
	}

	private static boolean isLogback(@Nullable ClassLoader classLoader) {
		ClassLoader loader = (classLoader != null) ? classLoader : ClassUtils.getDefaultClassLoader();
		return ClassUtils.isPresent("ch.qos.logback.classic.spi.ILoggingEvent", loader)
				&& LoggingSystem.get(loader) instanceof LogbackLoggingSystem;
	}

	private static void putUnlessSet(ConfigurableEnvironment environment, Map<String, Object> properties, String name,
			String value) {
		// The application's settings, from any source, win; Lambda's only fill the gap.
		if (!environment.containsProperty(name)) {
			properties.put(name, value);
		}
	}

}
