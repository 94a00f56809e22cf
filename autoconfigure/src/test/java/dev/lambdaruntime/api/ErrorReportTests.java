package dev.lambdaruntime.api;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ErrorReport}.
 */
class ErrorReportTests {

	private final JsonMapper mapper = JsonMapper.builder().build();

	@Test
	void hasTheShapeAwsJavaRuntimeUses() {
		JsonNode json = json(new ErrorReport("com.example.Oops", "it broke",
				List.of("com.example.A.run(A.java:12)", "java.base/java.lang.Thread.run(Thread.java:840)"), null));
		assertThat(json.propertyNames()).containsExactly("errorMessage", "errorType", "stackTrace");
		assertThat(json.get("errorMessage").asString()).isEqualTo("it broke");
		assertThat(json.get("errorType").asString()).isEqualTo("com.example.Oops");
		assertThat(json.get("stackTrace").isArray()).isTrue();
		assertThat(json.get("stackTrace").get(0).asString()).isEqualTo("com.example.A.run(A.java:12)");
		assertThat(json.get("stackTrace").get(1).asString())
			.isEqualTo("java.base/java.lang.Thread.run(Thread.java:840)");
	}

	@Test
	void withoutStackTraceHasAnEmptyArray() {
		JsonNode json = json(ErrorReport.of("Runtime.BadFunctionCode", "no function"));
		assertThat(json.get("stackTrace").isArray()).isTrue();
		assertThat(json.get("stackTrace").size()).isZero();
		assertThat(json.has("cause")).isFalse();
	}

	@Test
	void escapesQuotesBackslashesNewlinesAndControlCharacters() {
		String message = "say \"hi\"\\ then\nnew line\r\ttab \u0000\u0001\u001f end \u00e9\u2603";
		JsonNode json = json(ErrorReport.of("T\"ype", message));
		assertThat(json.get("errorMessage").asString()).isEqualTo(message);
		assertThat(json.get("errorType").asString()).isEqualTo("T\"ype");
		String raw = new String(ErrorReport.of("T", message).toJson(), StandardCharsets.UTF_8);
		assertThat(raw).contains("\\u0000\\u0001\\u001f").doesNotContain("\n").doesNotContain("\r");
	}

	@Test
	void ofThrowableUsesClassNameMessageFramesAndCauses() {
		IllegalStateException root = new IllegalStateException("root cause");
		RuntimeException top = new RuntimeException("top", new IllegalArgumentException(null, root));
		ErrorReport report = ErrorReport.of(top);
		JsonNode json = json(report);
		assertThat(json.get("errorType").asString()).isEqualTo("java.lang.RuntimeException");
		assertThat(json.get("errorMessage").asString()).isEqualTo("top");
		assertThat(json.get("stackTrace").get(0).asString()).isEqualTo(top.getStackTrace()[0].toString());
		JsonNode cause = json.get("cause");
		assertThat(cause.get("errorType").asString()).isEqualTo("java.lang.IllegalArgumentException");
		assertThat(cause.get("errorMessage").asString()).isEqualTo("java.lang.IllegalArgumentException");
		assertThat(cause.get("cause").get("errorMessage").asString()).isEqualTo("root cause");
		assertThat(cause.get("cause").has("cause")).isFalse();
	}

	@Test
	void ofFunctionErrorKeepsOnlyTheFunctionsFramesOfTheExceptionAndItsCauses() {
		IllegalArgumentException cause = new IllegalArgumentException("quantity 0");
		cause.setStackTrace(new StackTraceElement[] { frame("shop.Parser", "parse"),
				frame("dev.lambdaruntime.loop.Worker", "serve") });
		IllegalStateException failure = new IllegalStateException("out of stock", cause);
		failure.setStackTrace(new StackTraceElement[] { frame("shop.Inventory", "check"),
				frame("jdk.internal.reflect.DirectMethodHandleAccessor", "invoke"),
				frame("dev.lambdaruntime.function.DirectInvoker", "invoke"), frame("java.lang.Thread", "run") });
		JsonNode json = json(ErrorReport.ofFunctionError(failure));
		assertThat(json.get("errorType").asString()).isEqualTo("java.lang.IllegalStateException");
		assertThat(json.get("stackTrace").valueStream().map(JsonNode::asString))
			.containsExactly("shop.Inventory.check(Source.java:1)");
		assertThat(json.get("cause").get("stackTrace").valueStream().map(JsonNode::asString))
			.containsExactly("shop.Parser.parse(Source.java:1)");
		assertThat(json(ErrorReport.of(failure)).get("stackTrace")).hasSize(4);
	}

	@Test
	void ofThrowableStopsAtCauseCycles() {
		RuntimeException first = new RuntimeException("first");
		RuntimeException second = new RuntimeException("second", first);
		first.initCause(second);
		JsonNode json = json(ErrorReport.of(first));
		assertThat(json.get("cause").get("errorMessage").asString()).isEqualTo("second");
		assertThat(json.get("cause").has("cause")).isFalse();
	}

	@Test
	void copiesTheStackTrace() {
		List<String> frames = new ArrayList<>(List.of("a"));
		ErrorReport report = new ErrorReport("T", "m", frames, null);
		frames.add("b");
		assertThat(report.stackTrace()).containsExactly("a");
	}

	private static StackTraceElement frame(String type, String method) {
		return new StackTraceElement(type, method, "Source.java", 1);
	}

	private JsonNode json(ErrorReport report) {
		return this.mapper.readTree(report.toJson());
	}

}
