package dev.lambdaruntime.events;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link EventDetector}.
 */
class EventDetectorTests {

	private final EventDetector detector = new EventDetector();

	@ParameterizedTest
	@CsvSource({ "api-gateway-rest.json, API_GATEWAY_REST", "api-gateway-http.json, API_GATEWAY_HTTP",
			"function-url.json, FUNCTION_URL", "alb.json, ALB", "alb-multi-value.json, ALB", "sqs.json, SQS",
			"sqs-fifo.json, SQS", "sns.json, SNS", "kinesis.json, KINESIS", "dynamodb.json, DYNAMODB", "s3.json, S3",
			"eventbridge.json, EVENTBRIDGE" })
	void recognisesEachAwsEvent(String resource, EventSource source) {
		DetectedEvent event = this.detector.detect(bytes(EventRuntime.event(resource)));
		assertThat(event).isNotNull();
		assertThat(event.source()).isEqualTo(source);
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"name\":\"lambda\"}", "\"hello\"", "hello", "[1,2]", "{}", "",
			"{\"version\":\"2.0\",\"name\":\"x\"}", "{\"body\":\"x\",\"headers\":{}}",
			"{\"Records\":[{\"eventSource\":\"aws:unknown\"}]}", "{\"Records\":[]}", "{\"httpMethod\":\"GET\"}",
			"{\"source\":\"a\",\"detail\":{}}", "{\"routeKey\":", "  {\"id\":1,\"item\":\"book\"}" })
	void leavesEverythingElseToTheFunction(String payload) {
		assertThat(this.detector.detect(bytes(payload))).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"name\":\"x\",\"Records\":[{\"eventSource\":\"aws:sqs\"}]}",
			"{\"item\":\"book\",\"httpMethod\":\"GET\",\"requestContext\":{}}" })
	void decidesAtTheFirstKeyNoAwsEventHas(String payload) {
		assertThat(this.detector.detect(bytes(payload))).isNull();
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
