package dev.lambdaruntime.sample;

import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

import com.amazonaws.services.lambda.runtime.Context;
import dev.lambdaruntime.events.EventHeaders;
import dev.lambdaruntime.function.LambdaHeaders;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import reactor.core.publisher.Flux;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * Demo functions; choose one with {@code spring.cloud.function.definition} (or {@code SPRING_CLOUD_FUNCTION_DEFINITION}).
 */
@SpringBootApplication(proxyBeanMethods = false)
@EnableConfigurationProperties(BufferProperties.class)
public class SampleApplication {

	public static void main(String[] args) {
		SpringApplication.run(SampleApplication.class, args);
	}

	/**
	 * Upper-cases its input.
	 * @return the function
	 */
	@Bean
	public Function<String, String> uppercase() {
		return (input) -> input.toUpperCase(Locale.ROOT);
	}

	/**
	 * Greets a person: {@code {"name":"lambda"}} gives {@code {"greeting":"Hello, LAMBDA"}}.
	 * @return the function
	 */
	@Bean
	public Function<Person, Greeting> greet() {
		return (person) -> new Greeting("Hello, " + person.name().toUpperCase(Locale.ROOT));
	}

	/**
	 * Always fails, to show how errors reach the caller.
	 * @return the function
	 */
	@Bean
	public Function<String, String> fail() {
		return (input) -> {
			throw new IllegalStateException("boom");
		};
	}

	/**
	 * Keeps a running count and mean per sensor, in memory, across invocations: the warm state Lambda keeps.
	 * @param statistics the in-memory statistics
	 * @return the function
	 */
	@Bean
	public Function<Reading, SensorStats> stats(SensorStatistics statistics) {
		return statistics::record;
	}

	@Bean
	SensorStatistics sensorStatistics() {
		return new SensorStatistics();
	}

	/**
	 * Keeps each record in memory and writes them in chunks of {@code sample.buffer.chunk-size} to
	 * {@code sample.buffer.directory}; what is left is written when the context closes, which Lambda's SIGTERM
	 * triggers (see docs/stateful-functions.md).
	 * @param buffer the records kept between invocations
	 * @param json writes each record as one JSON line
	 * @return the function
	 */
	@Bean
	public Function<Frame, RecordBuffer.BufferState> buffer(RecordBuffer buffer, JsonMapper json) {
		return (frame) -> {
			if (frame.workMs() > 0) {
				sleep(frame.workMs());
			}
			return buffer.add(json.writeValueAsString(frame));
		};
	}

	@Bean
	RecordBuffer recordBuffer(BufferProperties properties) {
		return new RecordBuffer(new DirectorySink(properties.directory()), properties.chunkSize());
	}

	/**
	 * Sleeps as long as asked, to show concurrent invocations.
	 * @return the function
	 */
	@Bean
	public Function<Delay, Slept> slow() {
		return (delay) -> {
			sleep(delay.ms());
			return new Slept(delay.ms());
		};
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while sleeping", ex);
		}
	}

	/**
	 * Streams a text back word by word as it goes: {@code "one two three"} gives {@code "one "}, {@code "two "},
	 * {@code "three "}, sent as they are produced (response streaming is on in this app's properties).
	 * @return the function
	 */
	@Bean
	public Function<String, Flux<String>> words() {
		return (text) -> Flux.fromArray(text.trim().split("\\s+")).map((word) -> word + " ");
	}

	/**
	 * Reads Lambda's {@code Context} from the message: the request id and the time left before the deadline.
	 * @return the function
	 */
	@Bean
	public Function<Message<String>, String> requestInfo() {
		return (message) -> {
			Context context = (Context) message.getHeaders().get(LambdaHeaders.CONTEXT);
			return context.getAwsRequestId() + " has " + context.getRemainingTimeInMillis() + " ms left";
		};
	}

	/**
	 * Takes an order behind API Gateway's HTTP API ({@code POST /orders}): {@code 201} and a receipt, or {@code 400}
	 * saying what is wrong with it. The body arrives as an {@link Order}; the status and the {@code Location} header
	 * go back as message headers.
	 * @param desk where orders are accepted
	 * @return the function
	 */
	@Bean
	public Function<Order, Message<?>> orders(OrderDesk desk) {
		return (order) -> {
			try {
				Receipt receipt = desk.place(order);
				return MessageBuilder.withPayload(receipt)
					.setHeader(EventHeaders.HTTP_STATUS_CODE, 201)
					.setHeader(EventHeaders.HTTP_RESPONSE_HEADERS, Map.of("Location", "/orders/" + receipt.orderId()))
					.build();
			}
			catch (InvalidOrderException ex) {
				return MessageBuilder.withPayload(Map.of("message", ex.getMessage()))
					.setHeader(EventHeaders.HTTP_STATUS_CODE, 400)
					.build();
			}
		};
	}

	/**
	 * Takes orders from an SQS queue: each message body is an order; a body that is not a valid order fails its
	 * record alone, reported back to SQS as a batch item failure.
	 * @param desk where orders are accepted
	 * @return the consumer
	 */
	@Bean
	public Consumer<Order> ingest(OrderDesk desk) {
		return desk::place;
	}

	/**
	 * The order desk, counting orders in the application's meter registry: on Lambda the runtime's, which writes
	 * them as CloudWatch metrics with each invocation; elsewhere a simple in-memory one.
	 * @param registry the application's meter registry, if any
	 * @return the desk
	 */
	@Bean
	OrderDesk orderDesk(ObjectProvider<MeterRegistry> registry) {
		return new OrderDesk(registry.getIfAvailable(SimpleMeterRegistry::new));
	}

	/**
	 * Input of {@code greet}.
	 * @param name who to greet
	 */
	public record Person(String name) {
	}

	/**
	 * Output of {@code greet}.
	 * @param greeting the greeting
	 */
	public record Greeting(String greeting) {
	}

	/**
	 * Input of {@code slow}.
	 * @param ms how long to sleep, in milliseconds
	 */
	public record Delay(long ms) {
	}

	/**
	 * Output of {@code slow}.
	 * @param slept how long it slept, in milliseconds
	 */
	public record Slept(long slept) {
	}

}
