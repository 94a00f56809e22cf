package dev.lambdaruntime.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.json.JsonWriter;
import org.springframework.boot.logging.structured.JsonWriterStructuredLogFormatter;
import org.springframework.boot.logging.structured.StructuredLoggingJsonMembersCustomizer;

/**
 * Spring Boot structured log format (Logback) that writes Lambda's JSON log lines: {@code timestamp},
 * {@code level}, {@code message}, {@code logger}, {@code requestId} inside an invocation, and {@code errorType},
 * {@code errorMessage} and {@code stackTrace} when an exception is logged.
 */
public class LambdaJsonLogFormatter extends JsonWriterStructuredLogFormatter<ILoggingEvent> {

	/**
	 * A formatter; Spring Boot creates it when {@code logging.structured.format.console} names this class.
	 * @param customizer applies {@code logging.structured.json.*} settings, if any
	 */
	public LambdaJsonLogFormatter(@Nullable StructuredLoggingJsonMembersCustomizer<?> customizer) {
		this(new Rfc3339Timestamps(), customizer);
	}

	private LambdaJsonLogFormatter(Rfc3339Timestamps timestamps,
			@Nullable StructuredLoggingJsonMembersCustomizer<?> customizer) {
		super((members) -> jsonMembers(members, timestamps), customizer);
	}

	private static void jsonMembers(JsonWriter.Members<ILoggingEvent> members, Rfc3339Timestamps timestamps) {
		members.add("timestamp", (event) -> timestamps.format(event.getTimeStamp()));
		members.add("level", (event) -> event.getLevel().toString());
		members.add("message", ILoggingEvent::getFormattedMessage);
		members.add("logger", ILoggingEvent::getLoggerName);
		members.add("requestId", (event) -> event.getMDCPropertyMap().get(RequestIdMdc.KEY)).whenNotNull();
		members.from(ILoggingEvent::getThrowableProxy).whenNotNull().usingMembers((error) -> {
			error.add("errorType", IThrowableProxy::getClassName);
			error.add("errorMessage", LambdaJsonLogFormatter::errorMessage);
			error.add("stackTrace", StackTraceLines::of);
		});
	}

	private static String errorMessage(IThrowableProxy throwable) {
		// As in the error reports Lambda's Java runtime sends: the type stands in for a missing message.
		String message = throwable.getMessage();
		return (message != null) ? message : throwable.getClassName();
	}

}
