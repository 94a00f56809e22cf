package dev.lambdaruntime.api;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link XRayErrorCause}, read back with a real JSON parser.
 */
class XRayErrorCauseTests {

	@Test
	void describesTheExceptionItsFramesAndItsFiles() {
		IllegalStateException exception = new IllegalStateException("no stock");
		exception.setStackTrace(new StackTraceElement[] {
				new StackTraceElement("com.example.Orders", "place", "Orders.java", 42),
				new StackTraceElement("com.example.Orders", "apply", "Orders.java", 17),
				new StackTraceElement("com.example.Generated", "call", null, -1) });
		JsonNode cause = parse(XRayErrorCause.of(exception, "/var/task"));
		assertThat(cause.get("working_directory").asString()).isEqualTo("/var/task");
		assertThat(cause.get("exceptions")).hasSize(1);
		JsonNode described = cause.get("exceptions").get(0);
		assertThat(described.get("type").asString()).isEqualTo("java.lang.IllegalStateException");
		assertThat(described.get("message").asString()).isEqualTo("no stock");
		assertThat(described.get("stack").valueStream().map(XRayErrorCauseTests::frame))
			.containsExactly("place Orders.java:42", "apply Orders.java:17", "call Generated.java:-1");
		assertThat(cause.get("paths").valueStream().map(JsonNode::asString)).containsExactly("Orders.java",
				"Generated.java");
	}

	@Test
	void aMessagelessExceptionIsNamedByItsClass() {
		JsonNode cause = parse(XRayErrorCause.of(new NullPointerException(), "/var/task"));
		assertThat(cause.get("exceptions").get(0).get("message").asString()).isEqualTo("java.lang.NullPointerException");
	}

	@Test
	void isAsciiWithEverythingElseEscaped() {
		String message = "Bestellung \"42\" fehlgeschlagen: Größe ✗\nzweite Zeile";
		XRayErrorCause cause = XRayErrorCause.of(new IllegalArgumentException(message), "/var/täsk");
		assertThat(cause.toJson()).matches("[\\x20-\\x7E]+");
		assertThat(parse(cause).get("exceptions").get(0).get("message").asString()).isEqualTo(message);
		assertThat(parse(cause).get("working_directory").asString()).isEqualTo("/var/täsk");
	}

	@Test
	void aCauseTooLargeKeepsItsFirstFramesAndAShortenedMessage() {
		IllegalStateException exception = new IllegalStateException("x".repeat(100_000));
		StackTraceElement[] frames = new StackTraceElement[2_000];
		for (int i = 0; i < frames.length; i++) {
			frames[i] = new StackTraceElement("com.example.Deep", "level" + i, "Deep.java", i);
		}
		exception.setStackTrace(frames);
		XRayErrorCause cause = XRayErrorCause.of(exception, "/var/task");
		assertThat(cause.toJson().getBytes(StandardCharsets.US_ASCII)).hasSizeLessThanOrEqualTo(XRayErrorCause.MAX_BYTES);
		JsonNode described = parse(cause).get("exceptions").get(0);
		assertThat(described.get("message").asString()).hasSize(1024);
		assertThat(described.get("stack")).hasSize(64);
		assertThat(described.get("stack").get(0).get("label").asString()).isEqualTo("level0");
	}

	@Test
	void aCauseThatCannotBeTrimmedToFitIsNotSent() {
		assertThat(XRayErrorCause.of(new IllegalStateException("boom"), "/" + "d".repeat(XRayErrorCause.MAX_BYTES)))
			.isNull();
	}

	@Test
	void aDeepStackThatFitsIsSentWhole() {
		IllegalStateException exception = new IllegalStateException("deep");
		StackTraceElement frame = new StackTraceElement("com.example.Deep", "recurse", "Deep.java", 7);
		exception.setStackTrace(Stream.generate(() -> frame).limit(500).toArray(StackTraceElement[]::new));
		assertThat(parse(XRayErrorCause.of(exception, "/var/task")).get("exceptions").get(0).get("stack")).hasSize(500);
	}

	private static JsonNode parse(XRayErrorCause cause) {
		assertThat(cause).isNotNull();
		return JsonMapper.shared().readTree(cause.toJson());
	}

	private static String frame(JsonNode frame) {
		return frame.get("label").asString() + " " + frame.get("path").asString() + ":" + frame.get("line").asInt();
	}

}
