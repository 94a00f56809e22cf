package dev.lambdaruntime.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

import dev.lambdaruntime.emulator.InvokeResult;
import dev.lambdaruntime.emulator.LambdaEmulator;
import dev.lambdaruntime.loop.ExitHandler;
import dev.lambdaruntime.loop.RecordingExitHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.cloud.function.context.config.ContextFunctionCatalogAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A function error's report, through the whole pipeline and the real loop: its {@code stackTrace} starts in the
 * function's code and holds none of the runtime's frames, nor Spring Cloud Function's plumbing, nor reflection; its
 * cause's frames are filtered the same way.
 */
class FunctionErrorReportTests {

	private static final List<String> RUNTIME_PACKAGES = List.of("dev.lambdaruntime.api.", "dev.lambdaruntime.loop.",
			"dev.lambdaruntime.function.", "dev.lambdaruntime.events.", "org.springframework.cloud.function.",
			"java.lang.reflect.", "jdk.internal.reflect.", "java.base/java.lang.Thread", "java.lang.Thread");

	private static final String INVENTORY = Inventory.class.getName();

	private LambdaEmulator emulator;

	@BeforeEach
	void startEmulator() {
		this.emulator = LambdaEmulator.builder().timeout(Duration.ofSeconds(10)).build().start();
	}

	@AfterEach
	void closeEmulator() {
		this.emulator.close();
	}

	@ParameterizedTest(name = "direct invocation {0}, {1}")
	@CsvSource({ "true, plain event", "false, plain event", "true, SNS event", "false, SNS event" })
	void reportsTheFunctionsFramesAndNotTheRuntimes(boolean directInvocation, String event) throws IOException {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(ContextFunctionCatalogAutoConfiguration.class,
					LambdaEventsAutoConfiguration.class, LambdaRuntimeAutoConfiguration.class))
			.withUserConfiguration(FailingFunctions.class)
			.withPropertyValues("lambda.runtime.api=" + this.emulator.runtimeApi(),
					"lambda.runtime.direct-invocation=" + directInvocation)
			.run((context) -> {
				InvokeResult result = this.emulator.invoke(event.equals("SNS event") ? snsEvent() : ORDER);
				assertThat(result.functionError()).isEqualTo("Unhandled");
				JsonNode error = JsonMapper.shared().readTree(result.payloadAsString());
				assertThat(error.get("errorType").asString()).isEqualTo(IllegalStateException.class.getName());
				List<String> frames = frames(error);
				assertThat(frames.get(0)).startsWith(INVENTORY + ".check(");
				assertThat(frames.get(1)).startsWith(INVENTORY + ".reserve(");
				assertThat(frames).last().asString().contains(FailingFunctions.class.getName() + ".lambda$reserve$");
				assertThat(frames).noneMatch(FunctionErrorReportTests::isTheRuntimes);
				List<String> causeFrames = frames(error.get("cause"));
				assertThat(causeFrames.get(0)).startsWith(INVENTORY + ".parse(");
				assertThat(causeFrames).noneMatch(FunctionErrorReportTests::isTheRuntimes);
			});
	}

	private static final String ORDER = "{\"item\":\"book\",\"quantity\":2}";

	private static List<String> frames(JsonNode error) {
		return error.get("stackTrace").valueStream().map(JsonNode::asString).toList();
	}

	private static boolean isTheRuntimes(String frame) {
		return RUNTIME_PACKAGES.stream().anyMatch(frame::startsWith);
	}

	private static String snsEvent() throws IOException {
		try (InputStream in = FunctionErrorReportTests.class.getResourceAsStream("/events/sns.json")) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	record Order(String item, int quantity) {
	}

	/**
	 * The user's code, a few frames deep.
	 */
	static class Inventory {

		String reserve(Order order) {
			return check(order);
		}

		private String check(Order order) {
			try {
				parse(order.item());
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalStateException("out of stock: " + order.item(), ex);
			}
			return order.item();
		}

		private void parse(String item) {
			throw new IllegalArgumentException("no such item: " + item);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class FailingFunctions {

		@Bean
		Function<Order, String> reserve() {
			Inventory inventory = new Inventory();
			return (order) -> inventory.reserve(order);
		}

		@Bean
		ExitHandler recordingExitHandler() {
			return new RecordingExitHandler();
		}

	}

}
