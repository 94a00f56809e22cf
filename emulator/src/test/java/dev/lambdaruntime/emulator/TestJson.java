package dev.lambdaruntime.emulator;

import java.util.Map;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Parses the JSON the emulator and the test runtimes send, so tests compare documents, not key order.
 */
public final class TestJson {

	private static final JsonMapper MAPPER = JsonMapper.shared();

	private TestJson() {
	}

	public static Map<String, Object> parse(String json) {
		return MAPPER.readValue(json, new TypeReference<Map<String, Object>>() {
		});
	}

}
