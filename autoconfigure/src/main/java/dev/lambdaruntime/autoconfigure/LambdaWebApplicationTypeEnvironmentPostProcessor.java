package dev.lambdaruntime.autoconfigure;

import java.util.Locale;
import java.util.Map;

import dev.lambdaruntime.handler.ManagedHandlerMarker;
import org.apache.commons.logging.Log;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Keeps a web server from starting where this application serves Lambda events (its own runtime loop polls the
 * Runtime API, or the managed runtime's handler started it), as nothing can reach a server's port on Lambda and
 * starting one costs every cold start: {@code spring.main.web-application-type} defaults to {@code none} there, below
 * every other property source, where a server would start and the application chose no type itself.
 */
class LambdaWebApplicationTypeEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	static final String PROPERTY_SOURCE_NAME = "lambdaRuntimeWebApplicationType";

	static final String WEB_APPLICATION_TYPE_PROPERTY = "spring.main.web-application-type";

	private final Log logger;

	LambdaWebApplicationTypeEnvironmentPostProcessor(DeferredLogFactory logFactory) {
		this.logger = logFactory.getLog(LambdaWebApplicationTypeEnvironmentPostProcessor.class);
	}

	@Override
	public int getOrder() {
		// After the config data processor (and any other), so the application's own settings are all visible.
		return Ordered.LOWEST_PRECEDENCE;
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		WebApplicationType type = application.getWebApplicationType();
		if (type == WebApplicationType.NONE || chosen(environment)) {
			return;
		}
		RuntimeApiDetection detection = RuntimeApiDetection.detect(environment,
				ManagedHandlerMarker.isPresent(application));
		if (!detection.servesEvents()) {
			return;
		}
		environment.getPropertySources()
			.addLast(new MapPropertySource(PROPERTY_SOURCE_NAME, Map.of(WEB_APPLICATION_TYPE_PROPERTY, "none")));
		String name = type.name().toLowerCase(Locale.ROOT);
		this.logger.info("Not starting the " + name + " web server: this application serves Lambda events ("
				+ detection.reason() + "), and nothing can reach a server's port there. Set "
				+ WEB_APPLICATION_TYPE_PROPERTY + "=" + name + " to start it anyway");
	}

	/**
	 * Whether the application set the type in any property source, under any of the names relaxed binding accepts
	 * (such as {@code SPRING_MAIN_WEBAPPLICATIONTYPE}).
	 */
	private static boolean chosen(ConfigurableEnvironment environment) {
		return Binder.get(environment).bind(WEB_APPLICATION_TYPE_PROPERTY, Bindable.of(String.class)).isBound();
	}

}
