package dev.lambdaruntime.events;

import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Recognises AWS event shapes by their top-level keys. The scan stops at the first key no AWS event starts with, so a
 * plain JSON event costs a few tokens here and is parsed once, by Spring Cloud Function; an AWS event is parsed into
 * a tree in the same pass.
 */
final class EventDetector {

	// Every top-level key of the events recognised here (API Gateway v1 and v2, ALB, Function URLs, records,
	// EventBridge).
	private static final Set<String> AWS_KEYS = Set.of("Records", "version", "resource", "path", "httpMethod",
			"headers", "multiValueHeaders", "queryStringParameters", "multiValueQueryStringParameters",
			"pathParameters", "stageVariables", "requestContext", "body", "isBase64Encoded", "routeKey", "rawPath",
			"rawQueryString", "cookies", "id", "detail-type", "source", "account", "time", "region", "resources",
			"detail", "replay-name");

	// Keys that only AWS events have: once one is seen, later unknown keys no longer mean "plain JSON".
	private static final Set<String> DISTINCTIVE_KEYS = Set.of("Records", "httpMethod", "routeKey", "rawPath",
			"requestContext", "detail-type");

	@Nullable DetectedEvent detect(byte[] payload) {
		if (!startsAnObject(payload)) {
			return null;
		}
		try (JsonParser parser = EventJson.MAPPER.createParser(payload)) {
			if (parser.nextToken() != JsonToken.START_OBJECT) {
				return null;
			}
			ObjectNode event = EventJson.MAPPER.createObjectNode();
			boolean distinctive = false;
			while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
				String name = parser.currentName();
				if (!distinctive && !AWS_KEYS.contains(name)) {
					return null;
				}
				distinctive |= DISTINCTIVE_KEYS.contains(name);
				parser.nextToken();
				event.set(name, (JsonNode) EventJson.MAPPER.readTree(parser));
			}
			return distinctive ? classify(event) : null;
		}
		catch (JacksonException ex) {
			// Not valid JSON: the function's own conversion says what is wrong with it.
			return null;
		}
	}

	private static boolean startsAnObject(byte[] payload) {
		for (byte b : payload) {
			if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
				return b == '{';
			}
		}
		return false;
	}

	private static @Nullable DetectedEvent classify(ObjectNode event) {
		JsonNode records = event.get("Records");
		if (records != null && records.isArray() && !records.isEmpty()) {
			EventSource source = recordSource(records.get(0));
			return (source != null) ? new DetectedEvent(source, event) : null;
		}
		JsonNode context = event.get("requestContext");
		boolean hasContext = context != null && context.isObject();
		if (hasContext && EventJson.has(event, "routeKey") && EventJson.has(event, "rawPath")
				&& "2.0".equals(EventJson.text(event, "version"))) {
			String domain = EventJson.text(context, "domainName");
			boolean functionUrl = domain != null && domain.contains(".lambda-url.");
			return new DetectedEvent(functionUrl ? EventSource.FUNCTION_URL : EventSource.API_GATEWAY_HTTP, event);
		}
		if (hasContext && EventJson.has(event, "httpMethod")) {
			boolean alb = EventJson.has(context, "elb");
			return new DetectedEvent(alb ? EventSource.ALB : EventSource.API_GATEWAY_REST, event);
		}
		if (EventJson.has(event, "detail-type") && EventJson.has(event, "source") && event.has("detail")) {
			return new DetectedEvent(EventSource.EVENTBRIDGE, event);
		}
		return null;
	}

	private static @Nullable EventSource recordSource(JsonNode record) {
		String source = EventJson.text(record, "eventSource");
		if (source == null) {
			source = EventJson.text(record, "EventSource");
		}
		if (source == null) {
			return null;
		}
		return switch (source) {
			case "aws:sqs" -> EventSource.SQS;
			case "aws:sns" -> EventSource.SNS;
			case "aws:kinesis" -> EventSource.KINESIS;
			case "aws:dynamodb" -> EventSource.DYNAMODB;
			case "aws:s3" -> EventSource.S3;
			default -> null;
		};
	}

}
