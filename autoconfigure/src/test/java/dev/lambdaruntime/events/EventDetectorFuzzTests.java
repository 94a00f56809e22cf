package dev.lambdaruntime.events;

import java.nio.charset.StandardCharsets;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Event detection on arbitrary payloads and on damaged AWS events: it names a source or leaves the payload to the
 * function, and never throws.
 */
class EventDetectorFuzzTests {

	static final List<String> EVENTS = List.of("api-gateway-rest.json", "api-gateway-http.json", "function-url.json",
			"alb.json", "alb-multi-value.json", "sqs.json", "sqs-fifo.json", "sns.json", "kinesis.json",
			"dynamodb.json", "s3.json", "eventbridge.json");

	private final EventDetector detector = new EventDetector();

	@Property
	void arbitraryBytesAreDetectedOrLeftAlone(@ForAll @Size(max = 1024) byte[] payload) {
		detectOrLeaveAlone(payload);
	}

	@Property
	void damagedAwsEventsAreDetectedOrLeftAlone(@ForAll("damagedEvents") String payload) {
		detectOrLeaveAlone(payload.getBytes(StandardCharsets.UTF_8));
	}

	@Provide
	static Arbitrary<String> damagedEvents() {
		Arbitrary<String> events = Arbitraries.of(EVENTS).map(EventRuntime::event);
		Arbitrary<String> snippets = Arbitraries.of("", "{", "}", "[", "]", "\"", ":", ",", "null", "true", "1e999",
				"\\u0000", "\"Records\":[]", "\"httpMethod\":1", "\"body\":{}", "\"isBase64Encoded\":true",
				"\"headers\":null", "\"requestContext\":[]");
		return Combinators.combine(events, Arbitraries.integers().between(0, 100_000), Arbitraries.integers()
			.between(0, 100_000), snippets).as((event, from, to, snippet) -> {
				int start = Math.min(from, to) % (event.length() + 1);
				int end = Math.min(event.length(), start + Math.abs(to - from) % 40);
				return event.substring(0, start) + snippet + event.substring(end);
			});
	}

	private void detectOrLeaveAlone(byte[] payload) {
		DetectedEvent event = this.detector.detect(payload);
		if (event != null) {
			assertThat(event.source()).isNotNull();
		}
	}

}
