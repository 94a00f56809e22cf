package dev.lambdaruntime.function;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import dev.lambdaruntime.loop.InvocationResponse;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.cloud.function.json.JsonMapper;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;

/**
 * Turns what a function returned into response bytes: messages, bytes and text as they are, other objects as JSON,
 * reactive results awaited ({@code Flux} items as a JSON array).
 */
final class ResponseConverter {

	private static final String JSON = "application/json";

	private final JsonMapper jsonMapper;

	ResponseConverter(JsonMapper jsonMapper) {
		this.jsonMapper = jsonMapper;
	}

	InvocationResponse convert(@Nullable Object result) {
		if (result instanceof Mono<?> mono) {
			return convert(mono.block());
		}
		if (result instanceof Publisher<?> publisher) {
			return jsonArray(Flux.from(publisher).collectList().block());
		}
		if (result == null) {
			return InvocationResponse.EMPTY;
		}
		if (result instanceof Message<?> message) {
			return new InvocationResponse(bytes(message.getPayload()), contentType(message));
		}
		return new InvocationResponse(bytes(result), JSON);
	}

	private InvocationResponse jsonArray(@Nullable List<?> items) {
		ByteArrayOutputStream json = new ByteArrayOutputStream();
		json.write('[');
		if (items != null) {
			for (int i = 0; i < items.size(); i++) {
				if (i > 0) {
					json.write(',');
				}
				Object item = items.get(i);
				json.writeBytes(bytes((item instanceof Message<?> message) ? message.getPayload() : item));
			}
		}
		json.write(']');
		return new InvocationResponse(json.toByteArray(), JSON);
	}

	private byte[] bytes(@Nullable Object payload) {
		if (payload == null) {
			return new byte[0];
		}
		if (payload instanceof byte[] bytes) {
			return bytes;
		}
		if (payload instanceof String text) {
			return text.getBytes(StandardCharsets.UTF_8);
		}
		return this.jsonMapper.toJson(payload);
	}

	private static String contentType(Message<?> message) {
		Object contentType = message.getHeaders().get(MessageHeaders.CONTENT_TYPE);
		return (contentType != null) ? contentType.toString() : JSON;
	}

}
