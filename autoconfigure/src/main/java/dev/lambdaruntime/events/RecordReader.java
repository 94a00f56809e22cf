package dev.lambdaruntime.events;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads one record of an SQS, SNS, Kinesis, DynamoDB Streams or S3 event, or a whole EventBridge event, into the
 * payload the function takes and the headers that describe it.
 */
final class RecordReader {

	private RecordReader() {
	}

	static EventRecord read(EventSource source, JsonNode record) {
		Map<String, Object> headers = new HashMap<>(16);
		headers.put(EventHeaders.EVENT_SOURCE, source.id());
		return switch (source) {
			case SQS -> sqs(record, headers);
			case SNS -> sns(record, headers);
			case KINESIS -> kinesis(record, headers);
			case DYNAMODB -> dynamodb(record, headers);
			case S3 -> s3(record, headers);
			case EVENTBRIDGE -> eventBridge(record, headers);
			default -> throw new IllegalArgumentException("Not a record event: " + source);
		};
	}

	private static EventRecord sqs(JsonNode record, Map<String, Object> headers) {
		String messageId = EventJson.text(record, "messageId");
		JsonNode attributes = record.path("attributes");
		put(headers, EventHeaders.MESSAGE_ID, messageId);
		put(headers, EventHeaders.EVENT_SOURCE_ARN, EventJson.text(record, "eventSourceARN"));
		put(headers, EventHeaders.REGION, EventJson.text(record, "awsRegion"));
		put(headers, EventHeaders.MESSAGE_GROUP_ID, EventJson.text(attributes, "MessageGroupId"));
		put(headers, EventHeaders.SEQUENCE_NUMBER, EventJson.text(attributes, "SequenceNumber"));
		headers.put(EventHeaders.ATTRIBUTES, EventJson.map(attributes));
		headers.put(EventHeaders.MESSAGE_ATTRIBUTES, EventJson.map(record.get("messageAttributes")));
		return new EventRecord(messageId, text(record, "body"), headers);
	}

	private static EventRecord sns(JsonNode record, Map<String, Object> headers) {
		JsonNode sns = record.path("Sns");
		String messageId = EventJson.text(sns, "MessageId");
		put(headers, EventHeaders.MESSAGE_ID, messageId);
		put(headers, EventHeaders.EVENT_SOURCE_ARN, EventJson.text(sns, "TopicArn"));
		put(headers, EventHeaders.SUBJECT, EventJson.text(sns, "Subject"));
		put(headers, EventHeaders.EVENT_TIME, EventJson.text(sns, "Timestamp"));
		headers.put(EventHeaders.MESSAGE_ATTRIBUTES, EventJson.map(sns.get("MessageAttributes")));
		return new EventRecord(messageId, text(sns, "Message"), headers);
	}

	private static EventRecord kinesis(JsonNode record, Map<String, Object> headers) {
		JsonNode kinesis = record.path("kinesis");
		String sequenceNumber = EventJson.text(kinesis, "sequenceNumber");
		put(headers, EventHeaders.SEQUENCE_NUMBER, sequenceNumber);
		put(headers, EventHeaders.PARTITION_KEY, EventJson.text(kinesis, "partitionKey"));
		put(headers, EventHeaders.EVENT_SOURCE_ARN, EventJson.text(record, "eventSourceARN"));
		put(headers, EventHeaders.REGION, EventJson.text(record, "awsRegion"));
		String data = EventJson.text(kinesis, "data");
		byte[] payload = (data != null) ? Base64.getDecoder().decode(data) : new byte[0];
		return new EventRecord(sequenceNumber, payload, headers);
	}

	private static EventRecord dynamodb(JsonNode record, Map<String, Object> headers) {
		JsonNode change = record.path("dynamodb");
		String sequenceNumber = EventJson.text(change, "SequenceNumber");
		put(headers, EventHeaders.SEQUENCE_NUMBER, sequenceNumber);
		put(headers, EventHeaders.EVENT_NAME, EventJson.text(record, "eventName"));
		put(headers, EventHeaders.EVENT_SOURCE_ARN, EventJson.text(record, "eventSourceARN"));
		put(headers, EventHeaders.REGION, EventJson.text(record, "awsRegion"));
		JsonNode keys = DynamoDbImages.plain(change.path("Keys"));
		headers.put(EventHeaders.DYNAMODB_KEYS, EventJson.map(keys));
		if (EventJson.has(change, "OldImage")) {
			headers.put(EventHeaders.DYNAMODB_OLD_IMAGE, EventJson.map(DynamoDbImages.plain(change.get("OldImage"))));
		}
		// A REMOVE (or a KEYS_ONLY stream) has no new image: the function gets the key, and the event name says why.
		JsonNode image = EventJson.has(change, "NewImage") ? DynamoDbImages.plain(change.get("NewImage")) : keys;
		return new EventRecord(sequenceNumber, EventJson.bytes(image), headers);
	}

	private static EventRecord s3(JsonNode record, Map<String, Object> headers) {
		put(headers, EventHeaders.EVENT_NAME, EventJson.text(record, "eventName"));
		put(headers, EventHeaders.EVENT_TIME, EventJson.text(record, "eventTime"));
		put(headers, EventHeaders.REGION, EventJson.text(record, "awsRegion"));
		return new EventRecord(null, EventJson.bytes(record), headers);
	}

	private static EventRecord eventBridge(JsonNode event, Map<String, Object> headers) {
		put(headers, EventHeaders.EVENT_ID, EventJson.text(event, "id"));
		put(headers, EventHeaders.DETAIL_TYPE, EventJson.text(event, "detail-type"));
		put(headers, EventHeaders.SOURCE, EventJson.text(event, "source"));
		put(headers, EventHeaders.EVENT_TIME, EventJson.text(event, "time"));
		put(headers, EventHeaders.ACCOUNT, EventJson.text(event, "account"));
		put(headers, EventHeaders.REGION, EventJson.text(event, "region"));
		headers.put(EventHeaders.RESOURCES, EventJson.list(event.get("resources")));
		JsonNode detail = event.path("detail");
		byte[] payload = detail.isString() ? detail.asString().getBytes(StandardCharsets.UTF_8)
				: EventJson.bytes(detail);
		return new EventRecord(EventJson.text(event, "id"), payload, headers);
	}

	private static byte[] text(JsonNode node, String name) {
		String text = EventJson.text(node, name);
		return (text != null) ? text.getBytes(StandardCharsets.UTF_8) : new byte[0];
	}

	private static void put(Map<String, Object> headers, String name, @Nullable Object value) {
		if (value != null) {
			headers.put(name, value);
		}
	}

}
