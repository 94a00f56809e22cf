package dev.lambdaruntime.events;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import dev.lambdaruntime.loop.ExitHandler;
import dev.lambdaruntime.loop.RecordingExitHandler;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.support.MessageBuilder;

/**
 * Plain functions the event tests put behind AWS event sources; each remembers what it was given.
 */
@Configuration(proxyBeanMethods = false)
class EventFunctions {

	final List<Message<?>> seen = new CopyOnWriteArrayList<>();

	List<Object> payloads() {
		return this.seen.stream().map(Message::getPayload).map(Object.class::cast).toList();
	}

	@Bean
	Function<Order, Receipt> order() {
		return (order) -> {
			this.seen.add(MessageBuilder.withPayload(order).build());
			return receipt(order);
		};
	}

	@Bean
	Function<Message<Order>, Message<Receipt>> create() {
		return (message) -> {
			this.seen.add(message);
			Map<String, String> path = headerMap(message, EventHeaders.HTTP_PATH_PARAMETERS);
			Map<String, Object> headers = new LinkedHashMap<>();
			headers.put("Location", "/orders/" + path.getOrDefault("id", "new"));
			headers.put("Set-Cookie", List.of("session=abc; Secure", "theme=dark"));
			return MessageBuilder.withPayload(receipt(message.getPayload()))
				.setHeader(EventHeaders.HTTP_STATUS_CODE, 201)
				.setHeader(EventHeaders.HTTP_RESPONSE_HEADERS, headers)
				.build();
		};
	}

	@Bean
	Function<Message<String>, String> describe() {
		return (message) -> {
			this.seen.add(message);
			return message.getHeaders().get(EventHeaders.HTTP_METHOD) + " "
					+ message.getHeaders().get(EventHeaders.HTTP_PATH) + " body=[" + message.getPayload() + "]";
		};
	}

	@Bean
	Function<String, String> explode() {
		return (input) -> {
			throw new IllegalStateException("boom");
		};
	}

	@Bean
	Function<String, Message<byte[]>> pixel() {
		return (input) -> MessageBuilder.withPayload(new byte[] { (byte) 0x89, 'P', 'N', 'G' })
			.setHeader(MessageHeaders.CONTENT_TYPE, "image/png")
			.build();
	}

	@Bean
	Function<Message<String>, Message<String>> page() {
		return (message) -> MessageBuilder.withPayload("<p>hello</p>")
			.setHeader(MessageHeaders.CONTENT_TYPE, "text/html")
			.setHeader(EventHeaders.HTTP_RESPONSE_HEADERS, Map.of("Set-Cookie", List.of("a=1", "b=2")))
			.build();
	}

	@Bean
	Supplier<Receipt> latest() {
		return () -> new Receipt("latest", 1, "received");
	}

	@Bean
	Consumer<Message<Order>> ingest() {
		return (message) -> {
			if (message.getPayload().quantity() <= 0) {
				throw new IllegalArgumentException("quantity must be positive");
			}
			this.seen.add(message);
		};
	}

	@Bean
	Consumer<Message<Map<String, Object>>> items() {
		return this.seen::add;
	}

	@Bean
	Function<Message<InstanceState>, String> instance() {
		return (message) -> {
			this.seen.add(message);
			return message.getPayload().instanceId() + " is " + message.getPayload().state();
		};
	}

	@Bean
	Consumer<Message<String>> text() {
		return this.seen::add;
	}

	@Bean
	Function<byte[], String> size() {
		return (bytes) -> {
			this.seen.add(MessageBuilder.withPayload(new String(bytes, StandardCharsets.UTF_8)).build());
			return bytes.length + " bytes";
		};
	}

	@Bean
	ExitHandler recordingExitHandler() {
		return new RecordingExitHandler();
	}

	@SuppressWarnings("unchecked")
	static Map<String, String> headerMap(Message<?> message, String name) {
		return (Map<String, String>) message.getHeaders().get(name);
	}

	private static Receipt receipt(Order order) {
		if (order.quantity() <= 0) {
			throw new IllegalArgumentException("quantity must be positive");
		}
		return new Receipt(order.item(), order.quantity(), "received");
	}

	record Order(String item, int quantity) {
	}

	record Receipt(String item, int quantity, String status) {
	}

	record InstanceState(@com.fasterxml.jackson.annotation.JsonProperty("instance-id") String instanceId,
			String state) {
	}

}
