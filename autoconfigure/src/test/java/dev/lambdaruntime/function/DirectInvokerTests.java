package dev.lambdaruntime.function;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import dev.lambdaruntime.api.Invocation;
import dev.lambdaruntime.api.LambdaEnvironment;
import dev.lambdaruntime.loop.InvocationResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.cloud.function.context.FunctionCatalog;
import org.springframework.cloud.function.context.catalog.SimpleFunctionRegistry.FunctionInvocationWrapper;
import org.springframework.cloud.function.context.config.ContextFunctionCatalogAutoConfiguration;
import org.springframework.cloud.function.json.JsonMapper;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The direct path must answer exactly as Spring Cloud Function's own path does, for every shape it takes on.
 */
class DirectInvokerTests {

	private static final LambdaEnvironment ENVIRONMENT = LambdaEnvironment.from((name) -> null);

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ContextFunctionCatalogAutoConfiguration.class))
		.withUserConfiguration(Functions.class);

	@ParameterizedTest(name = "{0} of {1}")
	@CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
			greet     | {"name":"lambda"}
			greet     | {"name":"lambda","extra":true}
			greet     | {}
			greet     | [{"name":"a"},{"name":"b"}]
			greet     | ` [{"name":"a"}]`
			names     | []
			uppercase | hello
			uppercase | "hello"
			uppercase | {"a":1}
			uppercase | [1,2]
			uppercase | 123
			uppercase | `  spaced  `
			received  | hello
			received  | "hello"
			received  | `"he said \"hi\""`
			received  | ` "padded" `
			received  | "a" "b"
			received  | {"a":"b"}
			received  | 123
			received  | true
			received  | null
			received  | ` null `
			received  | nullable
			received  | nul
			received  | `""`
			echoNumber | 41
			bytes     | abc
			names     | [{"name":"a"},{"name":"b"}]
			counts    | {"a":1,"b":2}
			asText    | {"name":"x"}
			toList    | {"name":"x"}
			nothing   | {"name":"x"}
			remember  | {"name":"x"}
			ticket    | ignored
			""")
	void answersAsSpringCloudFunctionDoes(String definition, String payload) {
		this.contextRunner.run((context) -> {
			FunctionInvocationHandler direct = handler(context, definition, true);
			FunctionInvocationHandler viaCatalog = handler(context, definition, false);
			assertThat(direct.isDirect()).as("direct path taken").isTrue();
			assertThat(viaCatalog.isDirect()).isFalse();
			InvocationResponse expected = viaCatalog.handle(invocation(payload));
			InvocationResponse actual = direct.handle(invocation(payload));
			assertThat(text(actual)).isEqualTo(text(expected));
			assertThat(actual.contentType()).isEqualTo(expected.contentType());
		});
	}

	@ParameterizedTest(name = "{0} of {1}")
	@CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
			greet     | {"name":
			greet     | not json
			echoNumber | "x"
			""")
	void failsAsSpringCloudFunctionDoes(String definition, String payload) {
		this.contextRunner.run((context) -> {
			Throwable expected = catchThrowable(() -> handler(context, definition, false).handle(invocation(payload)));
			Throwable actual = catchThrowable(() -> handler(context, definition, true).handle(invocation(payload)));
			assertThat(expected).isNotNull();
			assertThat(actual).isInstanceOf(expected.getClass()).hasMessage(expected.getMessage());
		});
	}

	@Test
	void callsThePlainFunctionWithoutSpringCloudFunctionsWrapper() {
		this.contextRunner.run((context) -> {
			assertThat(text(handler(context, "wrapped", true).handle(invocation("{\"name\":\"x\"}")))).isEqualTo("false");
			assertThat(text(handler(context, "wrapped", false).handle(invocation("{\"name\":\"x\"}")))).isEqualTo("true");
		});
	}

	@Test
	void callsThePlainFunctionDirectlyForAnEventAdaptersConvertedInput() {
		this.contextRunner.run((context) -> {
			FunctionInvocationWrapper function = new FunctionResolver(context.getBean(FunctionCatalog.class))
				.resolve("wrapped", null, false);
			JsonMapper jsonMapper = context.getBean(JsonMapper.class);
			EventFunction direct = new EventFunction(function, ENVIRONMENT, jsonMapper,
					new ResponseConverter(jsonMapper), DirectInvoker.of(function, jsonMapper));
			EventFunction viaCatalog = new EventFunction(function, ENVIRONMENT, jsonMapper,
					new ResponseConverter(jsonMapper), null);
			Object directResult = direct.apply(invocation("{}"), new Person("x"), Map.of());
			Object catalogResult = viaCatalog.apply(invocation("{}"), new Person("x"), Map.of());
			assertThat(text(direct.respond(directResult))).isEqualTo("false");
			assertThat(text(viaCatalog.respond(catalogResult))).isEqualTo("true");
		});
	}

	@ParameterizedTest
	@CsvSource({ "uppercase|exclaim", "later", "describe" })
	void leavesOtherShapesToSpringCloudFunction(String definition) {
		this.contextRunner.run((context) -> assertThat(handler(context, definition, true).isDirect()).isFalse());
	}

	private static FunctionInvocationHandler handler(ApplicationContext context, String definition, boolean direct) {
		return FunctionInvocationHandler
			.builder(context.getBean(FunctionCatalog.class), context.getBean(JsonMapper.class))
			.definition(definition)
			.environment(ENVIRONMENT)
			.directInvocation(direct)
			.build();
	}

	private static Invocation invocation(String payload) {
		return Invocation.builder("req", payload.getBytes(StandardCharsets.UTF_8)).build();
	}

	private static String text(InvocationResponse response) {
		return new String(response.body(), StandardCharsets.UTF_8);
	}

	record Person(String name) {
	}

	record Greeting(String greeting) {
	}

	@Configuration(proxyBeanMethods = false)
	static class Functions {

		@Bean
		Function<Person, Greeting> greet() {
			return (person) -> new Greeting("Hello, " + String.valueOf(person.name()).toUpperCase(Locale.ROOT));
		}

		@Bean
		Function<String, String> uppercase() {
			return (input) -> input.toUpperCase(Locale.ROOT);
		}

		@Bean
		Function<String, String> received() {
			// Shows exactly what the function was given, through an output that is not JSON itself.
			return (input) -> "<" + input + ">";
		}

		@Bean
		Function<Person, Boolean> wrapped() {
			// Whether Spring Cloud Function's invocation wrapper is on the way in.
			return (person) -> Arrays.stream(Thread.currentThread().getStackTrace())
				.anyMatch((frame) -> frame.getClassName().contains("FunctionInvocationWrapper"));
		}

		@Bean
		Function<String, String> exclaim() {
			return (input) -> input + "!";
		}

		@Bean
		Function<Integer, Integer> echoNumber() {
			return (input) -> input + 1;
		}

		@Bean
		Function<byte[], byte[]> bytes() {
			return (input) -> new StringBuilder(new String(input, StandardCharsets.UTF_8)).reverse()
				.toString()
				.getBytes(StandardCharsets.UTF_8);
		}

		@Bean
		Function<List<Person>, Integer> names() {
			return List::size;
		}

		@Bean
		Function<Map<String, Integer>, Integer> counts() {
			return (map) -> map.values().stream().mapToInt(Integer::intValue).sum();
		}

		@Bean
		Function<Person, String> asText() {
			return (person) -> "name is " + person.name();
		}

		@Bean
		Function<Person, List<String>> toList() {
			return (person) -> List.of(person.name(), person.name());
		}

		@Bean
		Function<Person, Greeting> nothing() {
			return (person) -> null;
		}

		@Bean
		Consumer<Person> remember() {
			return (person) -> {
			};
		}

		@Bean
		Supplier<Greeting> ticket() {
			return () -> new Greeting("ticket");
		}

		@Bean
		Function<String, Mono<String>> later() {
			return Mono::just;
		}

		@Bean
		Function<Message<String>, String> describe() {
			return Message::getPayload;
		}

	}

}
