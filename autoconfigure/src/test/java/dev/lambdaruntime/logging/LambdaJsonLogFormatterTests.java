package dev.lambdaruntime.logging;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.logging.structured.StructuredLoggingJsonMembersCustomizer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link LambdaJsonLogFormatter}.
 */
class LambdaJsonLogFormatterTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final LoggerContext loggers = (LoggerContext) LoggerFactory.getILoggerFactory();

	private final LambdaJsonLogFormatter formatter = new LambdaJsonLogFormatter(null);

	@Test
	void writesOneJsonObjectPerLineInLambdasShape() {
		LoggingEvent event = event(Level.INFO, "Hello {}", null, "lambda");
		event.setTimeStamp(Instant.parse("2026-11-26T14:00:00.123Z").toEpochMilli());
		String line = this.formatter.format(event);
		assertThat(line).endsWith("\n").doesNotContain("\n{");
		assertThat(parse(line)).containsExactly(Map.entry("timestamp", "2026-11-26T14:00:00.123Z"),
				Map.entry("level", "INFO"), Map.entry("message", "Hello lambda"),
				Map.entry("logger", "com.example.Greeter"));
	}

	@Test
	void keepsThreeDigitsOfMillisecondsOnTheSecond() {
		LoggingEvent event = event(Level.WARN, "on the second", null);
		event.setTimeStamp(Instant.parse("2026-01-02T03:04:05Z").toEpochMilli());
		assertThat(parse(this.formatter.format(event))).containsEntry("timestamp", "2026-01-02T03:04:05.000Z")
			.containsEntry("level", "WARN");
	}

	@Test
	void addsTheRequestIdFromTheMdc() {
		LoggingEvent event = event(Level.DEBUG, "inside", null);
		event.setMDCPropertyMap(Map.of(RequestIdMdc.KEY, "8f5e2a1c-0000-4000-8000-000000000001", "other", "x"));
		assertThat(parse(this.formatter.format(event)))
			.containsEntry("requestId", "8f5e2a1c-0000-4000-8000-000000000001")
			.doesNotContainKey("other");
	}

	@Test
	void writesAnExceptionAsErrorTypeMessageAndStackTraceWithItsCauses() {
		IllegalStateException failure = new IllegalStateException("boom", new IllegalArgumentException("root"));
		Map<String, Object> line = parse(this.formatter.format(event(Level.ERROR, "Invocation failed", failure)));
		assertThat(line).containsEntry("message", "Invocation failed")
			.containsEntry("errorType", "java.lang.IllegalStateException")
			.containsEntry("errorMessage", "boom");
		@SuppressWarnings("unchecked")
		List<String> stackTrace = (List<String>) line.get("stackTrace");
		assertThat(stackTrace.get(0)).startsWith(getClass().getName() + ".writesAnExceptionAs");
		assertThat(stackTrace).contains("Caused by: java.lang.IllegalArgumentException: root");
		assertThat(stackTrace).noneMatch((frame) -> frame.startsWith("at "));
	}

	@Test
	void standsTheTypeInForAMissingExceptionMessage() {
		Map<String, Object> line = parse(this.formatter.format(event(Level.ERROR, "failed", new NullPointerException())));
		assertThat(line).containsEntry("errorMessage", "java.lang.NullPointerException");
	}

	@Test
	void escapesMessagesIntoValidJson() {
		String message = "quote \" backslash \\ newline \n tab \t unicode \u2603";
		assertThat(parse(this.formatter.format(event(Level.INFO, message, null)))).containsEntry("message", message);
	}

	@Test
	void letsBootsJsonCustomizerAddMembers() {
		LambdaJsonLogFormatter customized = new LambdaJsonLogFormatter(
				(StructuredLoggingJsonMembersCustomizer<ILoggingEvent>) (members) -> members.add("service", "orders"));
		assertThat(parse(customized.format(event(Level.INFO, "hello", null)))).containsEntry("service", "orders")
			.containsEntry("message", "hello");
	}

	private LoggingEvent event(Level level, String message, Throwable throwable, Object... arguments) {
		return new LoggingEvent(getClass().getName(), this.loggers.getLogger("com.example.Greeter"), level, message,
				throwable, arguments);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> parse(String line) {
		return json.readValue(line, Map.class);
	}

}
