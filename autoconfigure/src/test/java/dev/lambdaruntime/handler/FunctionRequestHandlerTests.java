package dev.lambdaruntime.handler;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import com.amazonaws.services.lambda.runtime.Client;
import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import dev.lambdaruntime.function.LambdaHeaders;
import dev.lambdaruntime.loop.ExitHandler;
import org.junit.jupiter.api.AfterEach;
import dev.lambdaruntime.metrics.CapturedMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.PropertySource;
import org.springframework.messaging.Message;
import org.springframework.test.json.JsonContent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link FunctionRequestHandler}: real Spring applications, started the way the managed runtime's client
 * starts the handler, called the way it calls it. (The real client against the emulator is in the sample app's
 * {@code ManagedRuntimeHandlerIT}.)
 */
class FunctionRequestHandlerTests {

	/** The applications these tests start, closed after each: none outlives its test. */
	private final ManagedApplications applications = new ManagedApplications();

	@AfterEach
	void closeApplications() {
		this.applications.close();
	}

	@Test
	void servesTheApplicationsFunction() throws IOException {
		FunctionRequestHandler handler = new GreetHandler(this.applications);
		assertThat(new JsonContent(call(handler, "{\"name\":\"lambda\"}", new TestContext("req-1"))))
			.isStrictlyEqualTo("{\"greeting\":\"Hello, LAMBDA\"}");
		assertThat(new JsonContent(call(handler, "{\"name\":\"again\"}", new TestContext("req-2"))))
			.isStrictlyEqualTo("{\"greeting\":\"Hello, AGAIN\"}");
	}

	@Test
	void startsTheApplicationOnceForAllItsHandlersWithoutTheRuntimeLoop() {
		ManagedApplication first = new GreetHandler(this.applications).application();
		assertThat(new GreetHandler(this.applications).application()).isSameAs(first);
		// No loop, and nothing that comes only with it.
		assertThat(first.context().containsBean("lambdaRuntimeLoop")).isFalse();
		assertThat(first.context().getBeansOfType(ExitHandler.class)).isEmpty();
	}

	@Test
	void closingItsApplicationsEndsThemAndTheNextHandlerStartsAFreshOne() {
		ManagedApplication first = new GreetHandler(this.applications).application();
		this.applications.close();
		assertThat(first.context().isActive()).isFalse();
		assertThat(new GreetHandler(this.applications).application()).isNotSameAs(first);
	}

	@Test
	void hasTheFunctionSeeTheInvocationsContext() throws IOException {
		String seen = call(new DescribeHandler(this.applications), "{}", new TestContext("req-3"));
		// A String result is written as a JSON string, as on the runtime loop.
		assertThat(seen).isEqualTo("\"req-3 arn:aws:lambda:eu-west-1:123456789012:function:describe "
				+ "Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=1 app 1.2 gold eu-west-1:pool-id tenant-7\"");
	}

	@Test
	void writesAStreamedResultWhole() throws IOException {
		assertThat(call(new WordsHandler(this.applications), "\"one two\"", new TestContext("req-5")))
			.isEqualTo("one two ");
	}

	@Test
	void throwsTheFunctionsOwnException() {
		assertThatIllegalStateException()
			.isThrownBy(() -> call(new FailingHandler(this.applications), "{}", new TestContext("req-4")))
			.withMessage("out of stock")
			// AWS's client reports the frames it is given: the function's, not the runtime's.
			.satisfies((ex) -> assertThat(ex.getStackTrace()).extracting(StackTraceElement::getClassName)
				.containsOnly(FailingApplication.class.getName()));
	}

	@Test
	void writesWhatEachInvocationRecordedBeforeItReturns() throws IOException {
		OrdersHandler handler = new OrdersHandler(this.applications);
		CapturedMetrics metrics = handler.application().context().getBean(CapturedMetrics.class);
		call(handler, "\"book\"", new TestContext("req-6"));
		call(handler, "\"pen\"", new TestContext("req-7"));
		assertThat(metrics.documents()).filteredOn((document) -> document.units().containsKey("orders.placed"))
			.extracting((document) -> document.requestId() + "=" + document.values("orders.placed"))
			.containsExactly("req-6=[1.0]", "req-7=[1.0]");
	}

	@Test
	void namesBothWaysToFindTheApplicationWhenThereIsNone() {
		assertThatIllegalStateException().isThrownBy(FunctionRequestHandler::new)
			.withMessageContaining("MAIN_CLASS")
			.withMessageContaining("extend " + FunctionRequestHandler.class.getName());
	}

	private static String call(FunctionRequestHandler handler, String event, Context context) throws IOException {
		ByteArrayOutputStream output = new ByteArrayOutputStream();
		handler.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), output, context);
		return output.toString(StandardCharsets.UTF_8);
	}

	static class GreetHandler extends FunctionRequestHandler {

		GreetHandler(ManagedApplications applications) {
			super(GreetApplication.class, applications);
		}

	}

	static class DescribeHandler extends FunctionRequestHandler {

		DescribeHandler(ManagedApplications applications) {
			super(DescribeApplication.class, applications);
		}

	}

	static class WordsHandler extends FunctionRequestHandler {

		WordsHandler(ManagedApplications applications) {
			super(WordsApplication.class, applications);
		}

	}

	static class OrdersHandler extends FunctionRequestHandler {

		OrdersHandler(ManagedApplications applications) {
			super(OrdersApplication.class, applications);
		}

	}

	static class FailingHandler extends FunctionRequestHandler {

		FailingHandler(ManagedApplications applications) {
			super(FailingApplication.class, applications);
		}

	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class GreetApplication {

		@Bean
		Function<Person, Greeting> greet() {
			return (person) -> new Greeting("Hello, " + person.name().toUpperCase(Locale.ROOT));
		}

	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class DescribeApplication {

		@Bean
		Function<Message<byte[]>, String> describe() {
			return (message) -> {
				Context context = (Context) message.getHeaders().get(LambdaHeaders.CONTEXT);
				return context.getAwsRequestId() + " " + context.getInvokedFunctionArn() + " "
						+ message.getHeaders().get(LambdaHeaders.TRACE_ID) + " "
						+ context.getClientContext().getClient().getAppTitle() + " "
						+ context.getClientContext().getClient().getAppVersionName() + " "
						+ context.getClientContext().getCustom().get("tier") + " "
						+ context.getIdentity().getIdentityPoolId() + " " + context.getTenantId();
			};
		}

	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@PropertySource("classpath:response-streaming.properties")
	static class WordsApplication {

		@Bean
		Function<String, Flux<String>> words() {
			return (text) -> Flux.fromArray(text.split(" ")).map((word) -> word + " ");
		}

	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class FailingApplication {

		@Bean
		Function<String, String> fail() {
			return (input) -> {
				throw new IllegalStateException("out of stock");
			};
		}

	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class OrdersApplication {

		@Bean
		Function<String, String> order(MeterRegistry registry) {
			return (item) -> {
				registry.counter("orders.placed").increment();
				return item.toUpperCase(Locale.ROOT);
			};
		}

		@Bean
		CapturedMetrics capturedMetrics() {
			return new CapturedMetrics();
		}

	}

	record Person(String name) {
	}

	record Greeting(String greeting) {
	}

	/**
	 * What AWS's runtime client hands a handler, with every field set.
	 */
	record TestContext(String getAwsRequestId) implements Context {

		@Override
		public String getLogGroupName() {
			return "/aws/lambda/describe";
		}

		@Override
		public String getLogStreamName() {
			return "2026/11/26/[$LATEST]abc";
		}

		@Override
		public String getFunctionName() {
			return "describe";
		}

		@Override
		public String getFunctionVersion() {
			return "$LATEST";
		}

		@Override
		public String getInvokedFunctionArn() {
			return "arn:aws:lambda:eu-west-1:123456789012:function:describe";
		}

		@Override
		public CognitoIdentity getIdentity() {
			return new CognitoIdentity() {

				@Override
				public String getIdentityId() {
					return "eu-west-1:identity-id";
				}

				@Override
				public String getIdentityPoolId() {
					return "eu-west-1:pool-id";
				}

			};
		}

		@Override
		public ClientContext getClientContext() {
			return new ClientContext() {

				@Override
				public Client getClient() {
					return new Client() {

						@Override
						public String getInstallationId() {
							return "install-1";
						}

						@Override
						public String getAppTitle() {
							return "app";
						}

						@Override
						public String getAppVersionName() {
							return "1.2";
						}

						@Override
						public String getAppVersionCode() {
							return "12";
						}

						@Override
						public String getAppPackageName() {
							return "com.example.app";
						}

					};
				}

				@Override
				public Map<String, String> getCustom() {
					return Map.of("tier", "gold");
				}

				@Override
				public Map<String, String> getEnvironment() {
					return Map.of("platform", "Android");
				}

			};
		}

		@Override
		public int getRemainingTimeInMillis() {
			return 30_000;
		}

		@Override
		public int getMemoryLimitInMB() {
			return 1024;
		}

		@Override
		public LambdaLogger getLogger() {
			return new LambdaLogger() {

				@Override
				public void log(String message) {
					System.out.print(message);
				}

				@Override
				public void log(byte[] message) {
					System.out.write(message, 0, message.length);
				}

			};
		}

		@Override
		public String getTenantId() {
			return "tenant-7";
		}

		@Override
		public String getXrayTraceId() {
			return "Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=1";
		}

	}

}
