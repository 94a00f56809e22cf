package dev.lambdaruntime.function;

import java.nio.charset.StandardCharsets;

import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link LambdaLogger} over SLF4J, so {@code context.getLogger()} lines share the application's log format.
 */
final class Slf4jLambdaLogger implements LambdaLogger {

	private static final Logger logger = LoggerFactory.getLogger(LambdaLogger.class);

	@Override
	public void log(String message) {
		logger.info(message);
	}

	@Override
	public void log(byte[] message) {
		log(new String(message, StandardCharsets.UTF_8));
	}

	@Override
	public void log(String message, LogLevel level) {
		switch (level) {
			case TRACE -> logger.trace(message);
			case DEBUG -> logger.debug(message);
			case WARN -> logger.warn(message);
			case ERROR, FATAL -> logger.error(message);
			default -> logger.info(message);
		}
	}

	@Override
	public void log(byte[] message, LogLevel level) {
		log(new String(message, StandardCharsets.UTF_8), level);
	}

}
