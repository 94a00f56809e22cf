package dev.lambdaruntime.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.lambdaruntime.api.LambdaEnvironment;
import dev.lambdaruntime.metrics.LambdaMeterRegistry;
import dev.lambdaruntime.metrics.MetricsOutput;
import dev.lambdaruntime.metrics.MetricsPublishingDecorator;
import dev.lambdaruntime.metrics.MetricsSettings;
import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Auto-configuration that writes Micrometer meters as CloudWatch Embedded Metric Format at the end of each invocation,
 * when the application has Micrometer. With Spring Boot's metrics support, the {@link LambdaMeterRegistry} is one more
 * registry Boot configures and composes with any others; without it, the registry is the application's
 * {@link MeterRegistry}, unless the application declares one.
 */
@AutoConfiguration(
		beforeName = { LambdaMetricsAutoConfiguration.BOOT_COMPOSITE, LambdaMetricsAutoConfiguration.BOOT_SIMPLE },
		afterName = LambdaMetricsAutoConfiguration.BOOT_METRICS)
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnLambdaRuntimeApi
@ConditionalOnBooleanProperty(name = "lambda.runtime.metrics.enabled", matchIfMissing = true)
@EnableConfigurationProperties(LambdaMetricsProperties.class)
public final class LambdaMetricsAutoConfiguration {

	/** Spring Boot's metrics support (spring-boot-micrometer-metrics): absent unless the application adds it. */
	private static final String BOOT = "org.springframework.boot.micrometer.metrics.autoconfigure.";

	static final String BOOT_METRICS = LambdaMetricsAutoConfiguration.BOOT + "MetricsAutoConfiguration";

	static final String BOOT_COMPOSITE = LambdaMetricsAutoConfiguration.BOOT
			+ "CompositeMeterRegistryAutoConfiguration";

	static final String BOOT_SIMPLE = LambdaMetricsAutoConfiguration.BOOT
			+ "export.simple.SimpleMetricsExportAutoConfiguration";

	static final String FUNCTION_NAME_DIMENSION = "function_name";

	private static final String DEFAULT_NAMESPACE = "lambda-runtime";

	@Bean
	@ConditionalOnMissingBean
	MetricsOutput lambdaMetricsOutput() {
		return MetricsOutput.STANDARD_OUTPUT;
	}

	@Bean
	@ConditionalOnMissingBean
	MetricsSettings lambdaMetricsSettings(LambdaMetricsProperties properties, Environment environment,
			ObjectProvider<LambdaEnvironment> lambdaEnvironment) {
		String namespace = properties.getNamespace();
		if (namespace == null) {
			namespace = environment.getProperty("spring.application.name", DEFAULT_NAMESPACE);
		}
		Map<String, String> dimensions = new LinkedHashMap<>();
		String functionName = lambdaEnvironment.getIfAvailable(() -> LambdaEnvironment.from(environment::getProperty))
			.functionName();
		if (properties.isFunctionNameDimension() && functionName != null) {
			dimensions.put(FUNCTION_NAME_DIMENSION, functionName);
		}
		dimensions.putAll(properties.getDimensions());
		return new MetricsSettings(namespace, dimensions, properties.getGaugeInterval(), properties.isHighResolution(),
				properties.isColdStart());
	}

	@Bean
	@ConditionalOnBean(LambdaMeterRegistry.class)
	@ConditionalOnMissingBean
	MetricsPublishingDecorator lambdaMetricsPublishing(LambdaMeterRegistry registry) {
		return new MetricsPublishingDecorator(registry);
	}

	@Bean
	@ConditionalOnBean(LambdaMeterRegistry.class)
	@ConditionalOnMissingBean
	MetricsRestoreHook lambdaMetricsRestoreHook(LambdaMeterRegistry registry) {
		return MetricsRestoreHook.register(registry);
	}

	private static LambdaMeterRegistry registry(MetricsSettings settings, MetricsOutput output,
			ObjectProvider<Clock> clock) {
		return new LambdaMeterRegistry(settings, output, clock.getIfAvailable(() -> Clock.SYSTEM));
	}

	/**
	 * With Spring Boot's metrics support: one registry among those Boot composes, configured by its customizers,
	 * filters and binders like the others.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = BOOT_METRICS)
	static class BootMetricsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		LambdaMeterRegistry lambdaMeterRegistry(MetricsSettings settings, MetricsOutput output,
				ObjectProvider<Clock> clock) {
			return registry(settings, output, clock);
		}

	}

	/**
	 * With Micrometer alone: the application's registry, unless it declares its own.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingClass(BOOT_METRICS)
	static class MicrometerOnlyConfiguration {

		@Bean
		@ConditionalOnMissingBean(MeterRegistry.class)
		LambdaMeterRegistry lambdaMeterRegistry(MetricsSettings settings, MetricsOutput output,
				ObjectProvider<Clock> clock) {
			return registry(settings, output, clock);
		}

	}

}
