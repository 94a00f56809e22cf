package dev.lambdaruntime.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import dev.lambdaruntime.emulator.InvokeResult;
import dev.lambdaruntime.emulator.LambdaEmulator;
import dev.lambdaruntime.loop.ExitHandler;
import dev.lambdaruntime.loop.RecordingExitHandler;
import dev.lambdaruntime.metrics.CapturedMetrics;
import dev.lambdaruntime.metrics.EmfDocument;
import dev.lambdaruntime.metrics.LambdaMeterRegistry;
import dev.lambdaruntime.metrics.MetricsOutput;
import dev.lambdaruntime.metrics.MetricsPublishingDecorator;
import dev.lambdaruntime.metrics.MetricsSettings;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.cloud.function.context.config.ContextFunctionCatalogAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link LambdaMetricsAutoConfiguration}: real contexts serving real invocations from the emulator.
 */
class LambdaMetricsAutoConfigurationTests {

	private static final FilteredClassLoader WITHOUT_BOOT_METRICS = new FilteredClassLoader(
			"org.springframework.boot.micrometer.metrics");

	private LambdaEmulator emulator;

	private ApplicationContextRunner contextRunner;

	@BeforeEach
	void startEmulator() {
		this.emulator = LambdaEmulator.builder().timeout(Duration.ofSeconds(10)).build().start();
		this.contextRunner = serving(OrderConfiguration.class).withPropertyValues("AWS_LAMBDA_FUNCTION_NAME=orders-api");
	}

	@AfterEach
	void closeEmulator() {
		this.emulator.close();
	}

	@Test
	void writesWhatEachInvocationRecordedBeforeItsAnswer() {
		this.contextRunner.withClassLoader(WITHOUT_BOOT_METRICS)
			.withPropertyValues("lambda.runtime.metrics.namespace=Orders",
					"lambda.runtime.metrics.dimensions.service=orders")
			.run((context) -> {
				assertThat(context).hasSingleBean(LambdaMeterRegistry.class).hasSingleBean(MeterRegistry.class);
				assertThat(context).hasSingleBean(MetricsPublishingDecorator.class);
				InvokeResult first = this.emulator.invoke("\"book\"");
				InvokeResult second = this.emulator.invoke("\"pen\"");
				// Written before the answer: there when the caller has it.
				assertThat(context.getBean(CapturedMetrics.class).documents()).hasSize(2).allSatisfy((document) -> {
					assertThat(document.namespace()).isEqualTo("Orders");
					assertThat(document.dimensions()).containsExactly("function_name", "service");
					assertThat(document.member("function_name")).isEqualTo("orders-api");
					assertThat(document.values("orders.placed")).containsExactly(1.0);
				}).extracting(EmfDocument::requestId).containsExactly(first.requestId(), second.requestId());
			});
	}

	@Test
	void writesWhatAStreamedResponseRecordedOnceItsStreamEnds() {
		serving(WordsConfiguration.class).withPropertyValues("lambda.runtime.response-streaming=true")
			.run((context) -> {
				InvokeResult result = this.emulator.invoke("\"one two three\"");
				assertThat(result.payloadAsString()).isEqualTo("one two three ");
				// Most words are produced as the stream is written, after the handler returned: what was recorded
				// until then is written then, the rest once the stream ends, all of it for this invocation.
				List<EmfDocument> documents = context.getBean(CapturedMetrics.class).documents();
				assertThat(documents).hasSize(2)
					.allSatisfy((document) -> assertThat(document.requestId()).isEqualTo(result.requestId()));
				assertThat(documents.get(1).units()).containsOnlyKeys("words");
				assertThat(EmfDocument.sum(documents, "words")).isEqualTo(3);
			});
	}

	@Test
	void backsOffForTheApplicationsOwnMeterRegistryWithoutBootsMetrics() {
		this.contextRunner.withClassLoader(WITHOUT_BOOT_METRICS)
			.withBean(SimpleMeterRegistry.class)
			.run((context) -> {
				assertThat(context).doesNotHaveBean(LambdaMeterRegistry.class);
				assertThat(context).doesNotHaveBean(MetricsPublishingDecorator.class);
				assertThat(this.emulator.invoke("\"book\"").payloadAsString()).isEqualTo("\"BOOK\"");
			});
	}

	@Test
	void isTheOnlyRegistryBootConfiguresWhenThereIsNoOther() {
		this.contextRunner
			.withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class,
					CompositeMeterRegistryAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class))
			.run((context) -> {
				assertThat(context).hasSingleBean(MeterRegistry.class).hasSingleBean(LambdaMeterRegistry.class);
				this.emulator.invoke("\"book\"");
				assertThat(EmfDocument.sum(context.getBean(CapturedMetrics.class).documents(), "orders.placed"))
					.isEqualTo(1);
			});
	}

	@Test
	void joinsTheRegistriesBootComposesWithTheApplicationsOwn() {
		this.contextRunner
			.withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class,
					CompositeMeterRegistryAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class))
			.withBean(SimpleMeterRegistry.class)
			.withPropertyValues("management.metrics.tags.region=eu-west-1")
			.run((context) -> {
				assertThat(context).hasSingleBean(LambdaMeterRegistry.class);
				assertThat(context.getBean(MeterRegistry.class)).isInstanceOf(CompositeMeterRegistry.class);
				this.emulator.invoke("\"book\"");
				assertThat(context.getBean(SimpleMeterRegistry.class).counter("orders.placed", "region", "eu-west-1")
					.count()).isEqualTo(1);
				assertThat(context.getBean(CapturedMetrics.class).documents())
					.filteredOn((document) -> document.units().containsKey("orders.placed"))
					.singleElement()
					.satisfies((document) -> assertThat(document.member("region")).isEqualTo("eu-west-1"));
			});
	}

	@Test
	void bindsProperties() {
		this.contextRunner
			.withPropertyValues("lambda.runtime.metrics.namespace=Shop", "lambda.runtime.metrics.dimensions.service=cart",
					"lambda.runtime.metrics.dimensions.stage=prod", "lambda.runtime.metrics.gauge-interval=10s",
					"lambda.runtime.metrics.high-resolution=true", "lambda.runtime.metrics.cold-start=false")
			.run((context) -> {
				MetricsSettings settings = context.getBean(LambdaMeterRegistry.class).settings();
				assertThat(settings.namespace()).isEqualTo("Shop");
				assertThat(settings.dimensions()).containsExactly(Map.entry("function_name", "orders-api"),
						Map.entry("service", "cart"), Map.entry("stage", "prod"));
				assertThat(settings.gaugeInterval()).isEqualTo(Duration.ofSeconds(10));
				assertThat(settings.highResolution()).isTrue();
				assertThat(settings.coldStart()).isFalse();
			});
	}

	@Test
	void namesTheNamespaceAfterTheApplicationAndCanLeaveTheFunctionNameOut() {
		this.contextRunner
			.withPropertyValues("spring.application.name=orders", "lambda.runtime.metrics.function-name-dimension=false")
			.run((context) -> {
				MetricsSettings settings = context.getBean(LambdaMeterRegistry.class).settings();
				assertThat(settings.namespace()).isEqualTo("orders");
				assertThat(settings.dimensions()).isEmpty();
			});
	}

	@Test
	void backsOffForTheApplicationsOwnOutput() {
		this.contextRunner.run((context) -> assertThat(context.getBean(MetricsOutput.class))
			.isSameAs(context.getBean(CapturedMetrics.class)));
	}

	@Test
	void startsTheRestoredEnvironmentsFirstInvocationAfterCracsRestoreHook() {
		this.contextRunner.run((context) -> {
			this.emulator.invoke("\"book\"");
			context.getBean(MetricsRestoreHook.class).afterRestore(null);
			this.emulator.invoke("\"pen\"");
			assertThat(context.getBean(CapturedMetrics.class).documents()).extracting(
					(document) -> document.values("ColdStart") + " " + document.values("SnapStartRestore"))
				.containsExactly("[1.0] []", "[1.0] [1.0]");
		});
	}

	@Test
	void writesWhatWasRecordedOutsideInvocationsWhenTheContextCloses() {
		this.contextRunner.run((context) -> {
			this.emulator.invoke("\"book\"");
			CapturedMetrics metrics = context.getBean(CapturedMetrics.class);
			metrics.clear();
			// Recorded on a thread that serves no invocation, such as one the function started.
			context.getBean(MeterRegistry.class).counter("orders.exported").increment(3);
			assertThat(metrics.documents()).isEmpty();
			context.close();
			assertThat(metrics.documents()).singleElement().satisfies((document) -> {
				assertThat(document.requestId()).isNull();
				assertThat(document.values("orders.exported")).containsExactly(3.0);
			});
		});
	}

	@Test
	void staysOffWhenDisabled() {
		// With Boot's metrics on the class path, the registry would join the application's.
		this.contextRunner.withBean(SimpleMeterRegistry.class)
			.withPropertyValues("lambda.runtime.metrics.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(LambdaMeterRegistry.class)
				.doesNotHaveBean(MetricsPublishingDecorator.class));
	}

	@Test
	void staysOffWithoutMicrometer() {
		// The runtime's own test function: it asks for no MeterRegistry, which is filtered out here.
		serving(LambdaRuntimeAutoConfigurationTests.FunctionConfiguration.class)
			.withClassLoader(new FilteredClassLoader(MeterRegistry.class))
			.run((context) -> {
				assertThat(context).hasNotFailed().doesNotHaveBean(MetricsPublishingDecorator.class);
				assertThat(context).hasSingleBean(RuntimeLoopLifecycle.class);
			});
	}

	@Test
	void staysOffWithoutARuntimeApi() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(LambdaMetricsAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(LambdaMeterRegistry.class));
	}

	/**
	 * A context of the runtime and its metrics, serving the emulator's invocations with the given functions.
	 */
	private ApplicationContextRunner serving(Class<?> functions) {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(ContextFunctionCatalogAutoConfiguration.class,
					LambdaRuntimeAutoConfiguration.class, LambdaMetricsAutoConfiguration.class))
			.withUserConfiguration(functions)
			.withPropertyValues("lambda.runtime.api=" + this.emulator.runtimeApi());
	}

	@Configuration(proxyBeanMethods = false)
	@Import(RecordingConfiguration.class)
	static class OrderConfiguration {

		@Bean
		Function<String, String> order(MeterRegistry registry) {
			return (item) -> {
				registry.counter("orders.placed").increment();
				return item.toUpperCase(Locale.ROOT);
			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	@Import(RecordingConfiguration.class)
	static class WordsConfiguration {

		@Bean
		Function<String, Flux<String>> words(MeterRegistry registry) {
			return (text) -> Flux.fromArray(text.split(" ")).map((word) -> {
				registry.counter("words").increment();
				return word + " ";
			});
		}

	}

	/**
	 * Keeps the documents written and the exits asked for, rather than printing them and exiting.
	 */
	@Configuration(proxyBeanMethods = false)
	static class RecordingConfiguration {

		@Bean
		CapturedMetrics capturedMetrics() {
			return new CapturedMetrics();
		}

		@Bean
		ExitHandler recordingExitHandler() {
			return new RecordingExitHandler();
		}

	}

}
