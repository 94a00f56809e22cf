package dev.lambdaruntime.function;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import com.amazonaws.services.lambda.runtime.Context;
import dev.lambdaruntime.api.Invocation;
import dev.lambdaruntime.api.LambdaEnvironment;
import dev.lambdaruntime.logging.RequestIdMdc;
import dev.lambdaruntime.loop.InvocationResponse;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.cloud.function.context.FunctionCatalog;
import org.springframework.cloud.function.context.config.ContextFunctionCatalogAutoConfiguration;
import org.springframework.cloud.function.json.JsonMapper;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.test.json.JsonContent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link FunctionInvocationHandler} over a real Spring Cloud Function catalog.
 */
class FunctionInvocationHandlerTests {

	private static final LambdaEnvironment ENVIRONMENT = LambdaEnvironment.from(Map.of("AWS_LAMBDA_FUNCTION_NAME",
			"orders", "AWS_LAMBDA_FUNCTION_VERSION", "7", "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "1024",
			"AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/orders", "AWS_LAMBDA_LOG_STREAM_NAME", "2026/11/26/[7]abc")::get);

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ContextFunctionCatalogAutoConfiguration.class))
		.withUserConfiguration(Functions.class);

	@Test
	void convertsPojosInAndOut() {
		assertThat(new JsonContent(invoke("greet", "{\"name\":\"lambda\"}")))
			.isStrictlyEqualTo("{\"greeting\":\"Hello, LAMBDA\"}");
	}

	@Test
	void answersTextAsAJsonString() {
		// As AWS's Java runtime does for a String handler: the result is a JSON string.
		assertThat(invoke("uppercase", "hello")).isEqualTo("\"HELLO\"");
	}

	@Test
	void takesAJsonStringAsText() {
		assertThat(invoke("uppercase", "\"hello\"")).isEqualTo("\"HELLO\"");
	}

	@Test
	void passesBytesThrough() {
		assertThat(invoke("reverseBytes", "abc")).isEqualTo("cba");
	}

	@Test
	void composesFunctions() {
		assertThat(invoke("uppercase|exclaim", "hi")).isEqualTo("\"HI!\"");
	}

	@Test
	void routesWithARoutingExpression() {
		this.contextRunner.withPropertyValues("spring.cloud.function.routing-expression='uppercase'")
			.run((context) -> {
				FunctionInvocationHandler handler = builder(context).routing(true).build();
				assertThat(text(handler.handle(invocation("routed")))).isEqualTo("\"ROUTED\"");
			});
	}

	@Test
	void awaitsAMono() {
		assertThat(invoke("later", "x")).isEqualTo("\"x later\"");
	}

	@Test
	void collectsAFluxAsAJsonArray() {
		assertThat(new JsonContent(invoke("letters", "abc"))).isStrictlyEqualTo("[\"a\",\"b\",\"c\"]");
	}

	@Test
	void streamsAFluxItemByItemWhenResponseStreamingIsOn() {
		this.contextRunner.run((context) -> {
			InvocationResponse response = streamingHandler(context, "tokens").handle(invocation("\"Hel\""));
			assertThat(response.stream()).isNotNull();
			assertThat(response.contentType()).isEqualTo("text/plain;charset=UTF-8");
			assertThat(written(response)).isEqualTo("Hello, streams");
		});
	}

	@Test
	void streamsObjectsAsJsonLines() {
		this.contextRunner.run((context) -> {
			InvocationResponse response = streamingHandler(context, "greetings").handle(invocation("\"x\""));
			assertThat(response.contentType()).isEqualTo("application/x-ndjson");
			// JSON lines: each line a JSON document, each ended by a newline.
			String written = written(response);
			assertThat(written).endsWith("\n");
			assertThat(written.lines().map(JsonContent::new)).satisfiesExactly(
					(line) -> assertThat(line).isStrictlyEqualTo("{\"greeting\":\"one\"}"),
					(line) -> assertThat(line).isStrictlyEqualTo("{\"greeting\":\"two\"}"));
		});
	}

	@Test
	void aStreamThatFailsAfterItsFirstItemFailsWhileWriting() {
		this.contextRunner.run((context) -> {
			InvocationResponse response = streamingHandler(context, "brokenStream").handle(invocation("\"x\""));
			ByteArrayOutputStream output = new ByteArrayOutputStream();
			assertThatIllegalStateException().isThrownBy(() -> response.stream().writeTo(output))
				.withMessageContaining("sensor gone");
			assertThat(output.toString(StandardCharsets.UTF_8)).isEqualTo("first reading");
		});
	}

	@Test
	void aStreamThatFailsBeforeItsFirstItemFailsTheInvocation() {
		this.contextRunner.run((context) -> assertThatIllegalStateException()
			.isThrownBy(() -> streamingHandler(context, "deadStream").handle(invocation("\"x\"")))
			.withMessageContaining("no sensor"));
	}

	@Test
	void collectsAFluxEvenWithStreamingOnWhenItIsEmpty() {
		this.contextRunner.run((context) -> {
			InvocationResponse response = streamingHandler(context, "nothing").handle(invocation("\"x\""));
			assertThat(response.stream()).isNull();
			assertThat(response.body()).isEmpty();
		});
	}

	@Test
	void givesAConsumerTheEventAndAnswersEmpty() {
		this.contextRunner.run((context) -> {
			InvocationResponse response = handler(context, "remember").handle(invocation("{\"name\":\"kept\"}"));
			assertThat(response.body()).isEmpty();
			assertThat(context.getBean(Functions.class).remembered).extracting(Person::name).containsExactly("kept");
		});
	}

	@Test
	void callsASupplierWithoutInput() {
		assertThat(new JsonContent(invoke("ticket", "ignored"))).isStrictlyEqualTo("{\"greeting\":\"ticket\"}");
	}

	@Test
	void givesAMessageFunctionTheLambdaContextAndHeaders() {
		this.contextRunner.run((context) -> {
			Invocation invocation = Invocation.builder("req-1", "{}".getBytes(StandardCharsets.UTF_8))
				.deadlineMs(System.currentTimeMillis() + 60_000)
				.invokedFunctionArn("arn:aws:lambda:eu-west-1:1:function:orders")
				.traceId("Root=1-abc;Sampled=1")
				.clientContext("{\"client\":{\"app_title\":\"shop\"},\"custom\":{\"k\":\"v\"},\"env\":{\"os\":\"x\"}}")
				.cognitoIdentity("{\"cognitoIdentityId\":\"id-1\",\"cognitoIdentityPoolId\":\"pool-1\"}")
				.tenantId("tenant-9")
				.invocationId("inv-1")
				.contentType("application/json")
				.build();
			// As the runtime calls it: inside the invocation's scope, which holds the request id in the MDC.
			RequestIdMdc scope = new RequestIdMdc();
			scope.enter(invocation);
			String answer;
			try {
				answer = text(handler(context, "describe").handle(invocation));
			}
			finally {
				scope.exit(invocation);
			}
			assertThat(answer).isEqualTo("\"req-1|orders|7|1024|/aws/lambda/orders|2026/11/26/[7]abc|"
					+ "arn:aws:lambda:eu-west-1:1:function:orders|Root=1-abc;Sampled=1|tenant-9|id-1|pool-1|shop|v|x"
					+ "|remaining>50000:true|header=req-1|mdc=req-1\"");
		});
	}

	@Test
	void leavesNoRequestIdInTheMdcAfterwards() {
		invoke("uppercase", "x");
		assertThat(MDC.get(RequestIdMdc.KEY)).isNull();
	}

	@Test
	void leavesTheRequestIdToTheLoopThatPutIt() {
		Invocation invocation = invocation("x");
		MDC.put(RequestIdMdc.KEY, invocation.requestId());
		try {
			this.contextRunner.run((context) -> handler(context, "uppercase").handle(invocation));
			assertThat(MDC.get(RequestIdMdc.KEY)).isEqualTo(invocation.requestId());
		}
		finally {
			MDC.remove(RequestIdMdc.KEY);
		}
	}

	@Test
	void letsAFunctionsExceptionThrough() {
		this.contextRunner.run((context) -> assertThatExceptionOfType(IllegalStateException.class)
			.isThrownBy(() -> handler(context, "explode").handle(invocation("x")))
			.withMessage("boom"));
	}

	@Test
	void publishesTheTraceHeaderAsASystemPropertyWithOneWorker() {
		this.contextRunner.run((context) -> {
			FunctionInvocationHandler handler = handler(context, "trace");
			Invocation invocation = Invocation.builder("r", "x".getBytes(StandardCharsets.UTF_8))
				.traceId("Root=1-single")
				.build();
			assertThat(text(handler.handle(invocation))).isEqualTo("\"Root=1-single\"");
			assertThat(System.getProperty(TraceHeaderPublisher.SYSTEM_PROPERTY)).isEqualTo("Root=1-single");
		});
	}

	@Test
	void publishesTheTraceHeaderPerThreadWithSeveralWorkers() {
		String before = System.getProperty(TraceHeaderPublisher.SYSTEM_PROPERTY);
		this.contextRunner.run((context) -> {
			FunctionInvocationHandler handler = builder(context).definition("traceMdc")
				.traceHeaders(new TraceHeaderPublisher(4))
				.build();
			Invocation invocation = Invocation.builder("r", "x".getBytes(StandardCharsets.UTF_8))
				.traceId("Root=1-many")
				.build();
			assertThat(text(handler.handle(invocation))).isEqualTo("\"Root=1-many\"");
			assertThat(MDC.get(TraceHeaderPublisher.MDC_KEY)).isNull();
			assertThat(System.getProperty(TraceHeaderPublisher.SYSTEM_PROPERTY)).isEqualTo(before);
		});
	}

	@Test
	void resolvesTheOnlyFunctionWithoutADefinition() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(ContextFunctionCatalogAutoConfiguration.class))
			.withBean("only", Function.class, () -> (Function<String, String>) (input) -> input + "!")
			.run((context) -> assertThat(new FunctionResolver(context.getBean(FunctionCatalog.class))
				.resolve(null, null, false)
				.getFunctionDefinition()).isEqualTo("only"));
	}

	@Test
	void resolvesAFunctionNamedByTheHandlerVariable() {
		this.contextRunner.run((context) -> assertThat(new FunctionResolver(context.getBean(FunctionCatalog.class))
			.resolve(" ", "greet", false)
			.getFunctionDefinition()).isEqualTo("greet"));
	}

	@Test
	void refusesToGuessAmongSeveralFunctions() {
		this.contextRunner.run((context) -> assertThatExceptionOfType(FunctionResolutionException.class)
			.isThrownBy(() -> new FunctionResolver(context.getBean(FunctionCatalog.class)).resolve(null,
					"example.Handler::handleRequest", false))
			.withMessageContaining("Several functions could serve")
			.withMessageContaining("greet")
			.withMessageContaining("spring.cloud.function.definition"));
	}

	@Test
	void namesTheFunctionsThereAreWhenTheDefinitionIsWrong() {
		this.contextRunner.run((context) -> assertThatExceptionOfType(FunctionResolutionException.class)
			.isThrownBy(() -> new FunctionResolver(context.getBean(FunctionCatalog.class)).resolve("gret", null,
					false))
			.withMessageContaining("No function 'gret'")
			.withMessageContaining("greet"));
	}

	@Test
	void saysSoWhenThereIsNoFunctionAtAll() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(ContextFunctionCatalogAutoConfiguration.class))
			.run((context) -> assertThatExceptionOfType(FunctionResolutionException.class)
				.isThrownBy(() -> new FunctionResolver(context.getBean(FunctionCatalog.class)).resolve(null, null,
						false))
				.withMessageContaining("no Function, Consumer or Supplier bean"));
	}

	private String invoke(String definition, String payload) {
		AtomicReference<String> answer = new AtomicReference<>();
		this.contextRunner.run((context) -> answer.set(text(handler(context, definition).handle(invocation(payload)))));
		return answer.get();
	}

	private static FunctionInvocationHandler handler(ApplicationContext context, String definition) {
		return builder(context).definition(definition).build();
	}

	private static FunctionInvocationHandler streamingHandler(ApplicationContext context, String definition) {
		return builder(context).definition(definition).responseStreaming(true).build();
	}

	private static FunctionInvocationHandler.Builder builder(ApplicationContext context) {
		return FunctionInvocationHandler
			.builder(context.getBean(FunctionCatalog.class), context.getBean(JsonMapper.class))
			.environment(ENVIRONMENT);
	}

	private static String written(InvocationResponse response) throws Exception {
		ByteArrayOutputStream output = new ByteArrayOutputStream();
		response.stream().writeTo(output);
		return output.toString(StandardCharsets.UTF_8);
	}

	private static Invocation invocation(String payload) {
		return Invocation.builder("req-" + payload.hashCode(), payload.getBytes(StandardCharsets.UTF_8))
			.deadlineMs(System.currentTimeMillis() + 30_000)
			.contentType("application/json")
			.build();
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

		final List<Person> remembered = new CopyOnWriteArrayList<>();

		@Bean
		Function<Person, Greeting> greet() {
			return (person) -> new Greeting("Hello, " + person.name().toUpperCase(Locale.ROOT));
		}

		@Bean
		Function<String, String> uppercase() {
			return (input) -> input.toUpperCase(Locale.ROOT);
		}

		@Bean
		Function<String, String> exclaim() {
			return (input) -> input + "!";
		}

		@Bean
		Function<byte[], byte[]> reverseBytes() {
			return (input) -> new StringBuilder(new String(input, StandardCharsets.UTF_8)).reverse()
				.toString()
				.getBytes(StandardCharsets.UTF_8);
		}

		@Bean
		Function<String, Mono<String>> later() {
			return (input) -> Mono.just(input + " later");
		}

		@Bean
		Function<String, Flux<String>> letters() {
			return (input) -> Flux.fromArray(input.split("")).map((letter) -> "\"" + letter + "\"");
		}

		@Bean
		Function<String, Flux<String>> tokens() {
			return (input) -> Flux.just(input, "lo, ", "streams");
		}

		@Bean
		Function<String, Flux<Greeting>> greetings() {
			return (input) -> Flux.just(new Greeting("one"), new Greeting("two"));
		}

		@Bean
		Function<String, Flux<String>> brokenStream() {
			return (input) -> Flux.concat(Flux.just("first reading"),
					Flux.error(new IllegalStateException("sensor gone")));
		}

		@Bean
		Function<String, Flux<String>> deadStream() {
			return (input) -> Flux.error(new IllegalStateException("no sensor"));
		}

		@Bean
		Function<String, Flux<String>> nothing() {
			return (input) -> Flux.empty();
		}

		@Bean
		Consumer<Person> remember() {
			return this.remembered::add;
		}

		@Bean
		Supplier<Greeting> ticket() {
			return () -> new Greeting("ticket");
		}

		@Bean
		Function<String, String> explode() {
			return (input) -> {
				throw new IllegalStateException("boom");
			};
		}

		@Bean
		Function<String, String> trace() {
			return (input) -> System.getProperty(TraceHeaderPublisher.SYSTEM_PROPERTY);
		}

		@Bean
		Function<String, String> traceMdc() {
			return (input) -> MDC.get(TraceHeaderPublisher.MDC_KEY);
		}

		@Bean
		Function<Message<String>, Message<String>> describe() {
			return (message) -> {
				Context context = (Context) message.getHeaders().get(LambdaHeaders.CONTEXT);
				String answer = String.join("|", context.getAwsRequestId(), context.getFunctionName(),
						context.getFunctionVersion(), String.valueOf(context.getMemoryLimitInMB()),
						context.getLogGroupName(), context.getLogStreamName(), context.getInvokedFunctionArn(),
						context.getXrayTraceId(), context.getTenantId(), context.getIdentity().getIdentityId(),
						context.getIdentity().getIdentityPoolId(), context.getClientContext().getClient().getAppTitle(),
						context.getClientContext().getCustom().get("k"),
						context.getClientContext().getEnvironment().get("os"),
						"remaining>50000:" + (context.getRemainingTimeInMillis() > 50_000),
						"header=" + message.getHeaders().get(LambdaHeaders.REQUEST_ID),
						"mdc=" + MDC.get(RequestIdMdc.KEY));
				return MessageBuilder.withPayload(answer).build();
			};
		}

	}

}
