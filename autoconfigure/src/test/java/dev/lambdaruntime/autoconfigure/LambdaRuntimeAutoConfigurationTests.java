package dev.lambdaruntime.autoconfigure;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import dev.lambdaruntime.emulator.LambdaEmulator;
import dev.lambdaruntime.function.FunctionInvocationHandler;
import dev.lambdaruntime.function.FunctionResolutionException;
import dev.lambdaruntime.handler.ManagedHandlerMarker;
import dev.lambdaruntime.loop.ExitHandler;
import dev.lambdaruntime.loop.InvocationHandler;
import dev.lambdaruntime.loop.InvocationHandlerDecorator;
import dev.lambdaruntime.loop.InvocationResponse;
import dev.lambdaruntime.loop.RecordingExitHandler;
import dev.lambdaruntime.snapstart.CracPriming;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.cloud.function.context.FunctionCatalog;
import org.springframework.cloud.function.context.config.ContextFunctionCatalogAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link LambdaRuntimeAutoConfiguration}.
 */
class LambdaRuntimeAutoConfigurationTests {

	private LambdaEmulator emulator;

	private ApplicationContextRunner contextRunner;

	@BeforeEach
	void startEmulator() {
		this.emulator = LambdaEmulator.builder().timeout(Duration.ofSeconds(10)).build().start();
		this.contextRunner = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(ContextFunctionCatalogAutoConfiguration.class,
					LambdaRuntimeAutoConfiguration.class))
			.withUserConfiguration(FunctionConfiguration.class);
	}

	@AfterEach
	void closeEmulator() {
		this.emulator.close();
	}

	@Test
	void runsTheLoopWhenTheRuntimeApiVariableIsSet() {
		this.contextRunner.withPropertyValues("AWS_LAMBDA_RUNTIME_API=" + this.emulator.runtimeApi())
			.run((context) -> {
				assertThat(context).hasSingleBean(RuntimeLoopLifecycle.class);
				assertThat(context).hasSingleBean(FunctionInvocationHandler.class);
				assertThat(context.getBean(RuntimeLoopLifecycle.class).isRunning()).isTrue();
				assertThat(this.emulator.invoke("\"lambda\"").payloadAsString()).isEqualTo("\"LAMBDA\"");
			});
	}

	@Test
	void runsTheLoopWhenTheApiPropertyIsSet() {
		this.contextRunner.withPropertyValues("lambda.runtime.api=" + this.emulator.runtimeApi())
			.run((context) -> assertThat(context).hasSingleBean(RuntimeLoopLifecycle.class));
	}

	@Test
	void staysOffWithoutARuntimeApi() {
		this.contextRunner.run((context) -> {
			assertThat(context).doesNotHaveBean(RuntimeLoopLifecycle.class);
			assertThat(context).doesNotHaveBean(InvocationHandler.class);
		});
	}

	@Test
	void staysOffUnderAManagedJavaRuntime() {
		this.contextRunner
			.withPropertyValues("AWS_LAMBDA_RUNTIME_API=" + this.emulator.runtimeApi(),
					"AWS_EXECUTION_ENV=AWS_Lambda_java21")
			.run((context) -> assertThat(context).doesNotHaveBean(RuntimeLoopLifecycle.class));
	}

	@Test
	void servesEventsWithoutALoopForTheManagedRuntimesHandler() {
		this.contextRunner
			.withPropertyValues("AWS_LAMBDA_RUNTIME_API=" + this.emulator.runtimeApi(),
					"AWS_EXECUTION_ENV=AWS_Lambda_java21")
			.withInitializer(ManagedHandlerMarker::register)
			.run((context) -> {
				assertThat(context).hasSingleBean(FunctionInvocationHandler.class);
				assertThat(context).doesNotHaveBean(RuntimeLoopLifecycle.class);
			});
	}

	@Test
	void theManagedRuntimesHandlerCannotTurnOnWhatIsDisabled() {
		this.contextRunner.withInitializer(ManagedHandlerMarker::register)
			.withPropertyValues("lambda.runtime.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(InvocationHandler.class));
	}

	@Test
	void primesTheFunctionInCracsBeforeCheckpointHookWhenGivenASampleEvent() {
		this.contextRunner
			.withPropertyValues("lambda.runtime.api=" + this.emulator.runtimeApi(),
					"lambda.runtime.priming.event=\"primer\"", "lambda.runtime.priming.invocations=2")
			.withUserConfiguration(CountingConfiguration.class)
			.run((context) -> {
				assertThat(context).hasSingleBean(CracPriming.class);
				assertThat(context.getBean(CountingConfiguration.class).calls).hasValue(0);
				context.getBean(CracPriming.class).beforeCheckpoint(null);
				assertThat(context.getBean(CountingConfiguration.class).calls).hasValue(2);
			});
	}

	@Test
	void primesNothingWithoutASampleEvent() {
		this.contextRunner.withPropertyValues("lambda.runtime.api=" + this.emulator.runtimeApi())
			.run((context) -> assertThat(context).doesNotHaveBean(CracPriming.class));
	}

	@Test
	void staysOffWhenDisabled() {
		this.contextRunner
			.withPropertyValues("AWS_LAMBDA_RUNTIME_API=" + this.emulator.runtimeApi(), "lambda.runtime.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(RuntimeLoopLifecycle.class));
	}

	@Test
	void staysOffWithoutSpringCloudFunction() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(FunctionCatalog.class))
			.withPropertyValues("AWS_LAMBDA_RUNTIME_API=" + this.emulator.runtimeApi())
			.run((context) -> assertThat(context).doesNotHaveBean(RuntimeLoopLifecycle.class));
	}

	@Test
	void backsOffForAUsersInvocationHandler() {
		this.contextRunner.withUserConfiguration(CustomHandlerConfiguration.class)
			.withPropertyValues("AWS_LAMBDA_RUNTIME_API=" + this.emulator.runtimeApi())
			.run((context) -> {
				assertThat(context).doesNotHaveBean(FunctionInvocationHandler.class);
				assertThat(context).hasSingleBean(InvocationHandler.class);
				assertThat(this.emulator.invoke("{}").payloadAsString()).isEqualTo("\"custom\"");
			});
	}

	@Test
	void servesEventsThroughTheInvocationHandlerDecoratorsInOrder() {
		this.contextRunner.withUserConfiguration(DecoratorConfiguration.class)
			.withPropertyValues("lambda.runtime.api=" + this.emulator.runtimeApi())
			.run((context) -> {
				assertThat(context).hasSingleBean(FunctionInvocationHandler.class);
				assertThat(this.emulator.invoke("\"lambda\"").payloadAsString()).isEqualTo("{\"outer\":[\"LAMBDA\"]}");
			});
	}

	@Test
	void bindsProperties() {
		this.contextRunner
			.withPropertyValues("lambda.runtime.api=" + this.emulator.runtimeApi(), "lambda.runtime.workers=3",
					"lambda.runtime.shutdown.budget=2s", "lambda.runtime.shutdown.grace-period=1s",
					"lambda.runtime.events.enabled=false")
			.run((context) -> {
				LambdaRuntimeProperties properties = context.getBean(LambdaRuntimeProperties.class);
				assertThat(properties.getWorkers()).isEqualTo(3);
				assertThat(properties.getEvents().isEnabled()).isFalse();
				assertThat(properties.getShutdown().getBudget()).isEqualTo(Duration.ofSeconds(2));
				assertThat(properties.getShutdown().getGracePeriod()).isEqualTo(Duration.ofSeconds(1));
				assertThat(context.getBean(RuntimeLoopLifecycle.class).loop().workerCount()).isEqualTo(3);
				assertThat(context.getBean(FunctionInvocationHandler.class).isDirect()).isTrue();
			});
	}

	@Test
	@SuppressWarnings("removal")
	void theDeprecatedGracePeriodStillBinds() {
		this.contextRunner
			.withPropertyValues("lambda.runtime.api=" + this.emulator.runtimeApi(),
					"lambda.runtime.shutdown-grace-period=300ms")
			.run((context) -> {
				LambdaRuntimeProperties properties = context.getBean(LambdaRuntimeProperties.class);
				assertThat(properties.getShutdown().getGracePeriod()).isEqualTo(Duration.ofMillis(300));
				assertThat(properties.getShutdownGracePeriod()).isEqualTo(Duration.ofMillis(300));
			});
	}

	@Test
	void registersTheInternalExtensionBeforeTheFirstPoll() {
		this.contextRunner.withPropertyValues("lambda.runtime.api=" + this.emulator.runtimeApi()).run((context) -> {
			assertThat(context.getBean(GracefulShutdownLifecycle.class).registered()).isTrue();
			assertThat(this.emulator.extensions()).singleElement()
				.satisfies((extension) -> assertThat(extension.name()).isEqualTo("lambda-runtime-spring-boot"));
			assertThat(this.emulator.invoke("\"lambda\"").payloadAsString()).isEqualTo("\"LAMBDA\"");
		});
	}

	@Test
	void registersNothingWhenShutdownIsOff() {
		this.contextRunner
			.withPropertyValues("lambda.runtime.api=" + this.emulator.runtimeApi(),
					"lambda.runtime.shutdown.enabled=false")
			.run((context) -> {
				assertThat(context.getBean(GracefulShutdownLifecycle.class).registered()).isFalse();
				assertThat(this.emulator.invoke("\"lambda\"").payloadAsString()).isEqualTo("\"LAMBDA\"");
				assertThat(this.emulator.extensions()).isEmpty();
			});
	}

	@Test
	void aGracePeriodOverTheBudgetFailsStartUp() {
		this.contextRunner
			.withPropertyValues("lambda.runtime.api=" + this.emulator.runtimeApi(),
					"lambda.runtime.shutdown.grace-period=5s")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessage("lambda.runtime.shutdown.grace-period (5000 ms) must fit in lambda.runtime.shutdown.budget "
						+ "(500 ms), the time Lambda gives from SIGTERM to SIGKILL"));
	}

	@Test
	void canLeaveEveryInvocationToSpringCloudFunction() {
		this.contextRunner
			.withPropertyValues("lambda.runtime.api=" + this.emulator.runtimeApi(),
					"lambda.runtime.direct-invocation=false")
			.run((context) -> {
				assertThat(context.getBean(FunctionInvocationHandler.class).isDirect()).isFalse();
				assertThat(this.emulator.invoke("\"lambda\"").payloadAsString()).isEqualTo("\"LAMBDA\"");
			});
	}

	@Test
	void takesTheWorkerCountFromMaxConcurrency() {
		this.contextRunner
			.withPropertyValues("AWS_LAMBDA_RUNTIME_API=" + this.emulator.runtimeApi(),
					"AWS_LAMBDA_MAX_CONCURRENCY=5")
			.run((context) -> assertThat(context.getBean(RuntimeLoopLifecycle.class).loop().workerCount())
				.isEqualTo(5));
	}

	@Test
	void failsToStartWhenTheDefinitionNamesNoFunction() {
		this.contextRunner
			.withPropertyValues("AWS_LAMBDA_RUNTIME_API=" + this.emulator.runtimeApi(),
					"spring.cloud.function.definition=missing")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.isInstanceOf(FunctionResolutionException.class)
				.hasMessageContaining("No function 'missing'")
				.hasMessageContaining("[uppercase]"));
	}

	@Test
	void leavesAMalformedPropertyToThePropertiesBindingToReport() {
		// The condition reads lambda.runtime.* the way the properties bind them, but leniently.
		this.contextRunner
			.withPropertyValues("lambda.runtime.api=" + this.emulator.runtimeApi(), "lambda.runtime.workers=many")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasMessageContaining("lambda.runtime")
				.rootCause()
				.hasMessageContaining("many"));
	}

	@Test
	void rejectsAWorkerCountBelowOne() {
		this.contextRunner.withPropertyValues("lambda.runtime.api=" + this.emulator.runtimeApi(),
				"lambda.runtime.workers=0")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("lambda.runtime.workers must be at least 1"));
	}

	@Configuration(proxyBeanMethods = false)
	static class FunctionConfiguration {

		@Bean
		Function<String, String> uppercase() {
			return (input) -> input.toUpperCase(Locale.ROOT);
		}

		@Bean
		ExitHandler recordingExitHandler() {
			return new RecordingExitHandler();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class CustomHandlerConfiguration {

		@Bean
		InvocationHandler customHandler() {
			return (invocation) -> new InvocationResponse("\"custom\"".getBytes(), "application/json");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class DecoratorConfiguration {

		@Bean
		@Order(1)
		InvocationHandlerDecorator innerDecorator() {
			return (handler) -> wrap(handler, "[", "]");
		}

		@Bean
		@Order(2)
		InvocationHandlerDecorator outerDecorator() {
			return (handler) -> wrap(handler, "{\"outer\":", "}");
		}

		private static InvocationHandler wrap(InvocationHandler handler, String before, String after) {
			return (invocation) -> {
				String body = new String(handler.handle(invocation).body(), StandardCharsets.UTF_8);
				return new InvocationResponse((before + body + after).getBytes(StandardCharsets.UTF_8), null);
			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class CountingConfiguration {

		final AtomicInteger calls = new AtomicInteger();

		@Bean
		InvocationHandler countingHandler() {
			return (invocation) -> {
				this.calls.incrementAndGet();
				return InvocationResponse.EMPTY;
			};
		}

	}

}
