package dev.lambdaruntime.autoconfigure;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

import dev.lambdaruntime.api.LambdaEnvironment;
import dev.lambdaruntime.api.RuntimeApiClient;
import dev.lambdaruntime.function.EventAdapter;
import dev.lambdaruntime.function.FunctionInvocationHandler;
import dev.lambdaruntime.function.TraceHeaderPublisher;
import dev.lambdaruntime.handler.ManagedHandlerMarker;
import dev.lambdaruntime.loop.CheckpointHooks;
import dev.lambdaruntime.loop.ExitHandler;
import dev.lambdaruntime.logging.RequestIdMdc;
import dev.lambdaruntime.loop.InvocationHandler;
import dev.lambdaruntime.loop.InvocationHandlerDecorator;
import dev.lambdaruntime.loop.InvocationScope;
import dev.lambdaruntime.loop.RuntimeLoop;
import dev.lambdaruntime.shutdown.GracefulShutdown;
import dev.lambdaruntime.shutdown.ShutdownBudget;
import dev.lambdaruntime.snapstart.CracCheckpointHooks;
import dev.lambdaruntime.snapstart.CracPriming;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.function.context.FunctionCatalog;
import org.springframework.cloud.function.context.FunctionProperties;
import org.springframework.cloud.function.json.JsonMapper;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * Auto-configuration that serves a Spring Cloud Function on the Lambda Runtime API where one is meant for this
 * application (see {@link ConditionalOnLambdaRuntimeApi}).
 */
@AutoConfiguration(
		afterName = "org.springframework.cloud.function.context.config.ContextFunctionCatalogAutoConfiguration")
@ConditionalOnClass(FunctionCatalog.class)
@ConditionalOnLambdaRuntimeApi
@EnableConfigurationProperties(LambdaRuntimeProperties.class)
public final class LambdaRuntimeAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	LambdaEnvironment lambdaEnvironment(Environment environment) {
		return LambdaEnvironment.from(environment::getProperty);
	}

	@Bean
	@ConditionalOnMissingBean
	TraceHeaderPublisher lambdaTraceHeaderPublisher(LambdaRuntimeProperties properties,
			LambdaEnvironment environment) {
		return new TraceHeaderPublisher(workers(properties, environment));
	}

	@Bean
	@ConditionalOnMissingBean(InvocationHandler.class)
	@ConditionalOnBean({ FunctionCatalog.class, JsonMapper.class })
	FunctionInvocationHandler lambdaInvocationHandler(FunctionCatalog catalog, JsonMapper jsonMapper,
			LambdaEnvironment lambdaEnvironment, TraceHeaderPublisher traceHeaders, LambdaRuntimeProperties properties,
			Environment environment, ObjectProvider<EventAdapter> eventAdapter) {
		return FunctionInvocationHandler.builder(catalog, jsonMapper)
			.definition(environment.getProperty(FunctionProperties.FUNCTION_DEFINITION))
			.handlerVariable(lambdaEnvironment.handler())
			.routing(environment.containsProperty(FunctionProperties.ROUTING_EXPRESSION))
			.environment(lambdaEnvironment)
			.traceHeaders(traceHeaders)
			.eventAdapter(eventAdapter.getIfUnique(() -> EventAdapter.NONE))
			.directInvocation(properties.isDirectInvocation())
			.responseStreaming(properties.isResponseStreaming())
			.build();
	}

	@Bean
	@ConditionalOnMissingBean
	InvocationScope lambdaInvocationScope() {
		return new RequestIdMdc();
	}

	/**
	 * Priming before a SnapStart snapshot, where a sample event is configured: CRaC's before-checkpoint hook runs it,
	 * whether AWS's client (managed runtime) or a CRaC JVM takes the checkpoint.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.crac.Core")
	@ConditionalOnProperty("lambda.runtime.priming.event")
	static class PrimingConfiguration {

		@Bean
		@ConditionalOnMissingBean
		CracPriming lambdaPriming(InvocationHandler handler, InvocationScope scope,
				LambdaRuntimeProperties properties) {
			String event = Objects.requireNonNull(properties.getPriming().getEvent());
			return CracPriming.register(handler, scope, event.getBytes(StandardCharsets.UTF_8),
					properties.getPriming().getInvocations());
		}

	}

	/**
	 * The runtime loop, unless the managed Java runtime's handler started the application: AWS's own client drives
	 * the Runtime API then.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingBean(ManagedHandlerMarker.class)
	static class RuntimeLoopConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ExitHandler lambdaExitHandler() {
			return ExitHandler.SYSTEM;
		}

		@Bean
		RuntimeLoopLifecycle lambdaRuntimeLoop(InvocationHandler handler, ExitHandler exitHandler,
				InvocationScope scope, LambdaRuntimeProperties properties, LambdaEnvironment lambdaEnvironment,
				ObjectProvider<InvocationHandlerDecorator> decorators) {
			String endpoint = endpoint(properties, lambdaEnvironment);
			int workers = workers(properties, lambdaEnvironment);
			// Under SnapStart the loop runs org.crac's hooks around /runtime/restore/next before taking events.
			CheckpointHooks hooks = lambdaEnvironment.isSnapStart() ? new CracCheckpointHooks() : null;
			InvocationHandler served = InvocationHandlerDecorator.decorate(handler, decorators.orderedStream().toList());
			RuntimeLoop loop = RuntimeLoop.builder(() -> new RuntimeApiClient(endpoint), served)
				.workers(workers)
				.exitHandler(exitHandler)
				.scope(scope)
				.checkpointHooks(hooks)
				.build();
			String function = (handler instanceof FunctionInvocationHandler functions) ? functions.functionDefinition()
					: handler.getClass().getName();
			return new RuntimeLoopLifecycle(loop, properties.getShutdown().getGracePeriod(),
					StartupLine.of(function, lambdaEnvironment, workers, endpoint));
		}

		/**
		 * The internal extension and the SIGTERM path around the loop. Always defined, and the switch read when the
		 * bean is made: Spring AOT would evaluate a condition at build time. The loop comes through a provider: a
		 * lifecycle starts the beans it depends on first, and the extension must register before the loop polls.
		 */
		@Bean
		@ConditionalOnMissingBean
		GracefulShutdownLifecycle lambdaGracefulShutdown(ObjectProvider<RuntimeLoopLifecycle> runtimeLoop,
				LambdaRuntimeProperties properties, LambdaEnvironment lambdaEnvironment,
				ConfigurableApplicationContext context) {
			String endpoint = properties.getShutdown().isEnabled() ? endpoint(properties, lambdaEnvironment) : null;
			return new GracefulShutdownLifecycle(endpoint,
					new GracefulShutdown(budget(properties), runtimeLoop.getObject().loop(), context::close),
					!StringUtils.hasText(properties.getApi()));
		}

	}

	/**
	 * Under the managed Java runtime's handler: the same extension and SIGTERM path, with AWS's client polling.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBean(ManagedHandlerMarker.class)
	static class ManagedHandlerShutdownConfiguration {

		@Bean
		@ConditionalOnMissingBean
		GracefulShutdownLifecycle lambdaGracefulShutdown(LambdaRuntimeProperties properties,
				LambdaEnvironment lambdaEnvironment, ConfigurableApplicationContext context) {
			String endpoint = properties.getShutdown().isEnabled() ? lambdaEnvironment.runtimeApi() : null;
			return new GracefulShutdownLifecycle(endpoint,
					new GracefulShutdown(budget(properties), null, context::close), true);
		}

	}

	/**
	 * The Runtime API's address, read when a bean is made, not when the condition was: Spring AOT evaluates
	 * conditions at build.
	 */
	private static String endpoint(LambdaRuntimeProperties properties, LambdaEnvironment lambdaEnvironment) {
		RuntimeApiDetection detection = RuntimeApiDetection.detect(properties, lambdaEnvironment, false);
		String endpoint = detection.endpoint();
		if (endpoint == null) {
			throw new IllegalStateException("No Lambda Runtime API: " + detection.reason());
		}
		return endpoint;
	}

	private static ShutdownBudget budget(LambdaRuntimeProperties properties) {
		LambdaRuntimeProperties.Shutdown shutdown = properties.getShutdown();
		if (shutdown.getGracePeriod().compareTo(shutdown.getBudget()) > 0) {
			throw new IllegalArgumentException("lambda.runtime.shutdown.grace-period ("
					+ shutdown.getGracePeriod().toMillis() + " ms) must fit in lambda.runtime.shutdown.budget ("
					+ shutdown.getBudget().toMillis() + " ms), the time Lambda gives from SIGTERM to SIGKILL");
		}
		return new ShutdownBudget(shutdown.getBudget(), shutdown.getGracePeriod());
	}

	private static int workers(LambdaRuntimeProperties properties, LambdaEnvironment environment) {
		Integer workers = properties.getWorkers();
		if (workers != null && workers < 1) {
			throw new IllegalArgumentException("lambda.runtime.workers must be at least 1, but was " + workers);
		}
		return (workers != null) ? workers : environment.concurrency();
	}

}
