package dev.lambdaruntime.events;

import java.util.Iterator;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns DynamoDB's typed attribute values ({@code {"S":"x"}}, {@code {"N":"1"}}, ...) into plain JSON: strings,
 * numbers, booleans, null, objects and arrays; binary values stay base64 strings.
 */
final class DynamoDbImages {

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private DynamoDbImages() {
	}

	static ObjectNode plain(JsonNode item) {
		ObjectNode plain = NODES.objectNode();
		for (Map.Entry<String, JsonNode> attribute : item.properties()) {
			plain.set(attribute.getKey(), value(attribute.getValue()));
		}
		return plain;
	}

	private static JsonNode value(JsonNode attribute) {
		Iterator<Map.Entry<String, JsonNode>> typed = attribute.properties().iterator();
		if (!typed.hasNext()) {
			return NODES.nullNode();
		}
		Map.Entry<String, JsonNode> entry = typed.next();
		JsonNode value = entry.getValue();
		return switch (entry.getKey()) {
			case "S", "B" -> NODES.stringNode(value.asString());
			case "N" -> number(value);
			case "BOOL" -> NODES.booleanNode(value.asBoolean());
			case "NULL" -> NODES.nullNode();
			case "M" -> plain(value);
			case "L" -> list(value, true);
			case "SS", "BS" -> list(value, false);
			case "NS" -> numbers(value);
			default -> value;
		};
	}

	private static ArrayNode list(JsonNode values, boolean typed) {
		ArrayNode list = NODES.arrayNode();
		values.forEach((item) -> list.add(typed ? value(item) : item));
		return list;
	}

	// Read as a JSON number is read: an int, a long or a double, as the function's mapper would see it.
	private static JsonNode number(JsonNode value) {
		return EventJson.MAPPER.readTree(value.asString());
	}

	private static ArrayNode numbers(JsonNode values) {
		ArrayNode list = NODES.arrayNode();
		values.forEach((item) -> list.add(number(item)));
		return list;
	}

}
