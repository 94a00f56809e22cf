package dev.lambdaruntime.events;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON tree tools the event classes share: one Jackson mapper for the event envelopes (never for the user's
 * types, which Spring Cloud Function's mapper reads) and null-safe readers.
 */
final class EventJson {

	// Trailing tokens allowed: the detector reads one top-level value at a time from a streaming parser.
	static final JsonMapper MAPPER = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
		.build();

	private EventJson() {
	}

	static @Nullable String text(JsonNode node, String name) {
		JsonNode value = node.get(name);
		return (value == null || value.isNull() || value.isContainer()) ? null : value.asString();
	}

	static boolean has(JsonNode node, String name) {
		JsonNode value = node.get(name);
		return value != null && !value.isNull();
	}

	static Map<String, Object> map(@Nullable JsonNode node) {
		if (node == null || !node.isObject()) {
			return Collections.emptyMap();
		}
		return MAPPER.convertValue(node, Map.class);
	}

	static Map<String, String> texts(@Nullable JsonNode node) {
		if (node == null || !node.isObject()) {
			return Collections.emptyMap();
		}
		Map<String, String> texts = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> property : node.properties()) {
			if (!property.getValue().isNull()) {
				texts.put(property.getKey(), property.getValue().asString());
			}
		}
		return texts;
	}

	static List<String> list(@Nullable JsonNode node) {
		if (node == null || !node.isArray()) {
			return Collections.emptyList();
		}
		List<String> list = new ArrayList<>(node.size());
		node.forEach((item) -> list.add(item.asString()));
		return list;
	}

	static byte[] bytes(JsonNode node) {
		return MAPPER.writeValueAsBytes(node);
	}

}
