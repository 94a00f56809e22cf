package dev.lambdaruntime.maven;

import java.util.List;

/**
 * An event source of the SAM template, from the plugin's {@code eventSources}: {@code http-api}, {@code rest-api},
 * {@code sqs:QUEUE_ARN}, {@code sns:TOPIC_ARN}, {@code kinesis:STREAM_ARN}, {@code dynamodb:STREAM_ARN} or
 * {@code schedule:EXPRESSION}.
 *
 * @param type the SAM event type
 * @param name the event's logical name in the template
 * @param properties its properties, as YAML lines relative to {@code Properties:}
 */
record EventSource(String type, String name, List<String> properties) {

	static final String FORMS = "http-api, rest-api, sqs:QUEUE_ARN, sns:TOPIC_ARN, kinesis:STREAM_ARN, "
			+ "dynamodb:STREAM_ARN or schedule:EXPRESSION";

	/**
	 * Parses one source.
	 * @param source the configured text
	 * @param index its position, which numbers its name
	 * @return the event source
	 */
	static EventSource parse(String source, int index) {
		String text = source.trim();
		int colon = text.indexOf(':');
		String kind = (colon < 0) ? text : text.substring(0, colon);
		String value = (colon < 0) ? "" : text.substring(colon + 1).trim();
		String number = String.valueOf(index + 1);
		EventSource event = switch (kind) {
			case "http-api" -> new EventSource("HttpApi", "HttpApi" + number, List.of());
			case "rest-api" -> new EventSource("Api", "RestApi" + number,
					List.of("Path: /{proxy+}", "Method: ANY"));
			case "sqs" -> new EventSource("SQS", "Queue" + number, List.of("Queue: " + SamTemplate.quote(value),
					"FunctionResponseTypes:", "  - ReportBatchItemFailures"));
			case "sns" -> new EventSource("SNS", "Topic" + number, List.of("Topic: " + SamTemplate.quote(value)));
			case "kinesis", "dynamodb" -> new EventSource(kind.equals("kinesis") ? "Kinesis" : "DynamoDB",
					(kind.equals("kinesis") ? "Kinesis" : "DynamoDb") + number,
					List.of("Stream: " + SamTemplate.quote(value), "StartingPosition: LATEST", "FunctionResponseTypes:",
							"  - ReportBatchItemFailures"));
			case "schedule" -> new EventSource("Schedule", "Schedule" + number,
					List.of("Schedule: " + SamTemplate.quote(value)));
			default -> throw new IllegalArgumentException("Unknown event source '" + source + "': use " + FORMS);
		};
		boolean needsValue = !kind.endsWith("-api");
		if (needsValue == value.isEmpty() || !needsValue && colon >= 0) {
			throw new IllegalArgumentException("Event source '" + source + "': use " + FORMS);
		}
		return event;
	}

}
