package dev.lambdaruntime.autoconfigure;

import java.time.Duration;
import java.util.Map;
import java.util.function.Function;

import dev.lambdaruntime.emulator.LambdaEmulator;
import dev.lambdaruntime.events.AwsEventAdapter;
import dev.lambdaruntime.function.EventAdapter;
import dev.lambdaruntime.loop.ExitHandler;
import dev.lambdaruntime.loop.RecordingExitHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.cloud.function.context.config.ContextFunctionCatalogAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.json.JsonContent;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link LambdaEventsAutoConfiguration}.
 */
class LambdaEventsAutoConfigurationTests {

	private static final String SQS_EVENT = "{\"Records\":[{\"messageId\":\"m1\",\"body\":\"{\\\"name\\\":\\\"x\\\"}\","
			+ "\"eventSource\":\"aws:sqs\",\"eventSourceARN\":\"arn:aws:sqs:us-east-2:1:q\"}]}";

	private LambdaEmulator emulator;

	private ApplicationContextRunner contextRunner;

	@BeforeEach
	void startEmulator() {
		this.emulator = LambdaEmulator.builder().timeout(Duration.ofSeconds(10)).build().start();
		this.contextRunner = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(ContextFunctionCatalogAutoConfiguration.class,
					LambdaEventsAutoConfiguration.class, LambdaRuntimeAutoConfiguration.class))
			.withUserConfiguration(FunctionConfiguration.class)
			.withPropertyValues("lambda.runtime.api=" + this.emulator.runtimeApi());
	}

	@AfterEach
	void closeEmulator() {
		this.emulator.close();
	}

	@Test
	void unwrapsAwsEventsByDefault() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(AwsEventAdapter.class);
			assertThat(new JsonContent(this.emulator.invoke(SQS_EVENT).payloadAsString()))
				.isStrictlyEqualTo("{\"batchItemFailures\":[]}");
		});
	}

	@Test
	void leavesPlainJsonToTheFunction() {
		this.contextRunner.run((context) -> assertThat(this.emulator.invoke("{\"name\":\"plain\"}").payloadAsString())
			.isEqualTo("\"{name=plain}\""));
	}

	@Test
	void handsEventsOverAsTheyCameWhenDisabled() {
		this.contextRunner.withPropertyValues("lambda.runtime.events.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean(EventAdapter.class);
			assertThat(this.emulator.invoke(SQS_EVENT).payloadAsString()).startsWith("\"{Records=[{messageId=m1");
		});
	}

	@Test
	void backsOffForAUsersEventAdapter() {
		this.contextRunner.withBean(EventAdapter.class, () -> (invocation, function) -> null).run((context) -> {
			assertThat(context).doesNotHaveBean(AwsEventAdapter.class);
			assertThat(this.emulator.invoke(SQS_EVENT).payloadAsString()).startsWith("\"{Records=[{messageId=m1");
		});
	}

	@Test
	void staysOffWithoutARuntimeApi() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(ContextFunctionCatalogAutoConfiguration.class,
					LambdaEventsAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(EventAdapter.class));
	}

	@Configuration(proxyBeanMethods = false)
	static class FunctionConfiguration {

		@Bean
		Function<Map<String, Object>, String> describe() {
			return String::valueOf;
		}

		@Bean
		ExitHandler recordingExitHandler() {
			return new RecordingExitHandler();
		}

	}

}
