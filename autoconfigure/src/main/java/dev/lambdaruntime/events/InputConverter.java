package dev.lambdaruntime.events;

import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;

import dev.lambdaruntime.function.EventFunction;

/**
 * Reads an event's payload (an HTTP body, an SQS body, a record's data) as the function's input type: bytes and text
 * as they are, anything else from JSON with Spring Cloud Function's mapper.
 */
final class InputConverter {

	private static final byte[] EMPTY_OBJECT = "{}".getBytes(StandardCharsets.US_ASCII);

	/**
	 * Converts a payload.
	 * @param payload the payload bytes
	 * @param function the function that will take it
	 * @return the input
	 * @throws UnreadableInputException when the payload is not valid JSON for the input type
	 */
	Object convert(byte[] payload, EventFunction function) {
		Type type = function.inputType();
		if (type == byte[].class || function.isSupplier()) {
			return payload;
		}
		if (type == String.class) {
			return new String(payload, StandardCharsets.UTF_8);
		}
		// An empty body (a GET, say) is an empty input, not an error: an empty object of the input type.
		byte[] json = (payload.length > 0) ? payload : EMPTY_OBJECT;
		Object input;
		try {
			input = function.jsonMapper().fromJson(json, type);
		}
		catch (RuntimeException ex) {
			throw new UnreadableInputException(type, ex);
		}
		if (input == null) {
			throw new UnreadableInputException(type, "it is null");
		}
		return input;
	}

}
