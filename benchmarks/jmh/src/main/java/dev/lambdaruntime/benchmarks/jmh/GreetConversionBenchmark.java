package dev.lambdaruntime.benchmarks.jmh;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.lambdaruntime.api.Invocation;
import dev.lambdaruntime.api.LambdaEnvironment;
import dev.lambdaruntime.benchmarks.functions.BenchmarkFunctions;
import dev.lambdaruntime.function.FunctionInvocationHandler;
import dev.lambdaruntime.loop.InvocationResponse;
import dev.lambdaruntime.metrics.LambdaMeterRegistry;
import dev.lambdaruntime.metrics.MetricsPublishingDecorator;
import dev.lambdaruntime.metrics.MetricsSettings;
import io.micrometer.core.instrument.Clock;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.cloud.function.context.FunctionCatalog;
import org.springframework.cloud.function.context.catalog.SimpleFunctionRegistry.FunctionInvocationWrapper;
import org.springframework.cloud.function.json.JsonMapper;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.support.MessageBuilder;

/**
 * The greet payload through Spring Cloud Function: looked up per invocation (as SCF's own loop does), resolved once,
 * and through our {@link FunctionInvocationHandler} (the message with its Lambda headers and context, and the answer
 * turned back into bytes).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class GreetConversionBenchmark {

	private static final byte[] EVENT = CannedRuntimeApi.EVENT;

	private ConfigurableApplicationContext context;

	private FunctionCatalog catalog;

	private FunctionInvocationWrapper greet;

	private FunctionInvocationHandler handler;

	private LambdaMeterRegistry registry;

	private InvocationHandler metered;

	private Message<byte[]> message;

	private Invocation invocation;

	@Setup(Level.Trial)
	public void start() {
		this.context = new SpringApplicationBuilder(GreetApplication.class).web(WebApplicationType.NONE)
			.properties("spring.main.banner-mode=off", "logging.level.root=warn",
					"spring.cloud.function.definition=greet")
			.run();
		this.catalog = this.context.getBean(FunctionCatalog.class);
		this.greet = this.catalog.lookup("greet", "application/json");
		this.handler = FunctionInvocationHandler.builder(this.catalog, this.context.getBean(JsonMapper.class))
			.definition("greet")
			.environment(LambdaEnvironment
				.from(Map.of("AWS_LAMBDA_FUNCTION_NAME", "benchmark", "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "1024")::get))
			.build();
		this.registry = new LambdaMeterRegistry(MetricsSettings.of("Bench"), (line) -> {
		}, Clock.SYSTEM);
		this.metered = new MetricsPublishingDecorator(this.registry).decorate(this.handler);
		this.message = MessageBuilder.withPayload(EVENT)
			.setHeader(MessageHeaders.CONTENT_TYPE, "application/json")
			.build();
		this.invocation = Invocation.builder(CannedRuntimeApi.REQUEST_ID, EVENT)
			.deadlineMs(System.currentTimeMillis() + 900_000)
			.invokedFunctionArn("arn:aws:lambda:us-east-1:123456789012:function:benchmark")
			.traceId("Root=1-67891233-abcdef012345678912345678;Parent=53995c3f42cd8ad8;Sampled=0")
			.contentType("application/json")
			.build();
	}

	@TearDown(Level.Trial)
	public void stop() {
		this.registry.close();
		this.context.close();
	}

	/**
	 * Catalog lookup and apply on every invocation, as Spring Cloud Function's custom runtime loop does.
	 * @return the answer
	 */
	@Benchmark
	public Object lookupAndApply() {
		return this.catalog.<FunctionInvocationWrapper>lookup("greet", "application/json").apply(this.message);
	}

	/**
	 * Apply on a function resolved once: the conversion alone.
	 * @return the answer
	 */
	@Benchmark
	public Object applyResolved() {
		return this.greet.apply(this.message);
	}

	/**
	 * Our handler: message, Lambda context, conversion in and out.
	 * @return the answer's bytes
	 */
	@Benchmark
	public InvocationResponse ourHandler() {
		return this.handler.handle(this.invocation);
	}

	/**
	 * Our handler wrapped by the metrics' decorator, the function recording nothing: what the metrics add to an
	 * invocation that touches no meter.
	 * @return the answer's bytes
	 * @throws Exception never: greet does not fail
	 */
	@Benchmark
	public InvocationResponse ourHandlerWithMetrics() throws Exception {
		return this.metered.handle(this.invocation);
	}

	/**
	 * Just the greet function, for scale.
	 */
	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(BenchmarkFunctions.class)
	static class GreetApplication {

	}

}
