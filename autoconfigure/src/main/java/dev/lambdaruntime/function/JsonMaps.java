package dev.lambdaruntime.function;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Reads values out of JSON objects parsed into maps.
 */
final class JsonMaps {

	private JsonMaps() {
	}

	static @Nullable String text(Map<String, Object> json, String key) {
		Object value = json.get(key);
		return (value != null) ? value.toString() : null;
	}

	@SuppressWarnings("unchecked")
	static @Nullable Map<String, Object> object(Map<String, Object> json, String key) {
		Object value = json.get(key);
		return (value instanceof Map<?, ?> map) ? (Map<String, Object>) map : null;
	}

	static Map<String, String> texts(Map<String, Object> json, String key) {
		Map<String, Object> object = object(json, key);
		if (object == null) {
			return Collections.emptyMap();
		}
		Map<String, String> texts = new LinkedHashMap<>();
		object.forEach((name, value) -> texts.put(name, (value != null) ? value.toString() : null));
		return texts;
	}

}
