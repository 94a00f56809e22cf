package dev.lambdaruntime.function;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

import dev.lambdaruntime.api.ContentTypes;
import dev.lambdaruntime.loop.InvocationResponse;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Signal;

import org.springframework.cloud.function.json.JsonMapper;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;

/**
 * Turns what a function returned into response bytes: messages, bytes and text as they are, other objects as JSON,
 * reactive results awaited ({@code Flux} items as a JSON array), or, with response streaming on, a {@code Flux}
 * streamed item by item as it is produced.
 */
final class ResponseConverter {

	private final JsonMapper jsonMapper;

	private final @Nullable Class<?> streamedItemType;

	/**
	 * A converter that collects reactive results.
	 * @param jsonMapper writes objects as JSON
	 */
	ResponseConverter(JsonMapper jsonMapper) {
		this(jsonMapper, null);
	}

	/**
	 * A converter that streams a {@code Flux} result, when given the function's declared item type.
	 * @param jsonMapper writes objects as JSON
	 * @param streamedItemType what the function's {@code Flux} declares it emits, or {@code null} not to stream
	 */
	ResponseConverter(JsonMapper jsonMapper, @Nullable Class<?> streamedItemType) {
		this.jsonMapper = jsonMapper;
		this.streamedItemType = streamedItemType;
	}

	InvocationResponse convert(@Nullable Object result) {
		if (result instanceof Mono<?> mono) {
			return convert(mono.block());
		}
		if (result instanceof Publisher<?> publisher) {
			return (this.streamedItemType != null) ? stream(publisher, this.streamedItemType)
					: jsonArray(Flux.from(publisher).collectList().block());
		}
		if (result == null) {
			return InvocationResponse.EMPTY;
		}
		if (result instanceof Message<?> message) {
			return new InvocationResponse(bytes(message.getPayload()), contentType(message));
		}
		return new InvocationResponse(bytes(result), ContentTypes.JSON);
	}

	/**
	 * Streams the items as they come, in the order they come (an error after items arrives after them): text and
	 * bytes as they are, other objects as JSON, one per line. The first signal is awaited here, so that a function
	 * failing before its first item fails as any other; a failure after it reaches the caller as the stream's error.
	 */
	private InvocationResponse stream(Publisher<?> publisher, Class<?> itemType) {
		Iterator<? extends Signal<?>> signals = Flux.from(publisher).materialize().toIterable(1).iterator();
		Signal<?> first = signals.next();
		if (first.isOnComplete()) {
			return InvocationResponse.EMPTY;
		}
		rethrowIfError(first);
		boolean jsonLines = !(itemType == String.class || itemType == byte[].class || itemType == Object.class
				|| Message.class.isAssignableFrom(itemType));
		String contentType = (itemType == String.class) ? ContentTypes.TEXT
				: jsonLines ? ContentTypes.NDJSON : ContentTypes.OCTET_STREAM;
		boolean text = itemType == String.class;
		return InvocationResponse.streaming(contentType, (output) -> {
			writeItem(output, first.get(), jsonLines, text);
			while (signals.hasNext()) {
				Signal<?> next = signals.next();
				if (next.isOnComplete()) {
					return;
				}
				rethrowIfError(next);
				writeItem(output, next.get(), jsonLines, text);
			}
		});
	}

	private static void rethrowIfError(Signal<?> signal) {
		Throwable error = signal.getThrowable();
		if (signal.isOnError() && error != null) {
			throw ResponseConverter.<RuntimeException>unchecked(error);
		}
	}

	@SuppressWarnings("unchecked")
	private static <E extends Throwable> E unchecked(Throwable error) throws E {
		throw (E) error;
	}

	private void writeItem(OutputStream output, @Nullable Object item, boolean jsonLines, boolean text)
			throws IOException {
		byte[] bytes = bytes((item instanceof Message<?> message) ? message.getPayload() : item);
		if (text && bytes.length > 1 && bytes[0] == '"' && bytes[bytes.length - 1] == '"') {
			// Spring Cloud Function writes a text item as a JSON string; the stream carries the text itself.
			String decoded = this.jsonMapper.fromJson(bytes, String.class);
			bytes = (decoded != null) ? decoded.getBytes(StandardCharsets.UTF_8) : bytes;
		}
		if (jsonLines) {
			byte[] line = Arrays.copyOf(bytes, bytes.length + 1);
			line[bytes.length] = '\n';
			output.write(line);
		}
		else {
			output.write(bytes);
		}
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
		return new InvocationResponse(json.toByteArray(), ContentTypes.JSON);
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
		return (contentType != null) ? contentType.toString() : ContentTypes.JSON;
	}

}
