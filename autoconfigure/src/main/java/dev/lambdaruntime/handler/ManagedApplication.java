package dev.lambdaruntime.handler;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Enumeration;
import java.util.jar.Manifest;

import dev.lambdaruntime.loop.InvocationHandler;
import dev.lambdaruntime.loop.InvocationHandlerDecorator;
import dev.lambdaruntime.loop.InvocationScope;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.ClassUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * The application a managed runtime's handler serves: started once (during Lambda's init phase, so SnapStart
 * snapshots it warm) and shared by every handler instance through {@link ManagedApplications}.
 */
final class ManagedApplication {

	static final String MAIN_CLASS_VARIABLE = "MAIN_CLASS";

	private final ConfigurableApplicationContext context;

	private final InvocationHandler handler;

	private final InvocationScope scope;

	private final ContextInvocation invocations;

	private ManagedApplication(ConfigurableApplicationContext context) {
		this.context = context;
		InvocationHandler handler = context.getBeanProvider(InvocationHandler.class).getIfUnique(() -> {
			throw new IllegalStateException("The application started, but has no InvocationHandler to serve events: "
					+ "is lambda.runtime.enabled false, or is there no function (spring-cloud-function-context and "
					+ "a Function, Consumer or Supplier bean)?");
		});
		this.handler = InvocationHandlerDecorator.decorate(handler,
				context.getBeanProvider(InvocationHandlerDecorator.class).orderedStream().toList());
		this.scope = context.getBeanProvider(InvocationScope.class).getIfUnique(() -> InvocationScope.NONE);
		this.invocations = new ContextInvocation(
				context.getBeanProvider(JsonMapper.class).getIfUnique(() -> JsonMapper.builder().build()));
	}

	static ManagedApplication start(Class<?> applicationClass) {
		SpringApplication application = new SpringApplication(applicationClass);
		application.setMainApplicationClass(applicationClass);
		// Marked, the auto-configuration's environment post-processing also keeps a web server from starting.
		ManagedHandlerMarker.mark(application);
		return new ManagedApplication(application.run());
	}

	ConfigurableApplicationContext context() {
		return this.context;
	}

	InvocationHandler handler() {
		return this.handler;
	}

	InvocationScope scope() {
		return this.scope;
	}

	ContextInvocation invocations() {
		return this.invocations;
	}

	/**
	 * The application class named by {@code MAIN_CLASS}, as Spring Cloud Function's handler reads it, else by the
	 * {@code Start-Class} of a Spring Boot jar's manifest.
	 */
	static Class<?> applicationClass() {
		String name = System.getenv(MAIN_CLASS_VARIABLE);
		String source = MAIN_CLASS_VARIABLE;
		if (name == null || name.isBlank()) {
			name = startClass();
			source = "Start-Class";
		}
		if (name == null || name.isBlank()) {
			throw new IllegalStateException("No Spring Boot application to start: set the environment variable "
					+ MAIN_CLASS_VARIABLE + " to its class, or extend " + FunctionRequestHandler.class.getName()
					+ " and pass the class to its constructor");
		}
		try {
			return ClassUtils.forName(name.trim(), FunctionRequestHandler.class.getClassLoader());
		}
		catch (ClassNotFoundException | LinkageError ex) {
			throw new IllegalStateException(source + " names " + name.trim() + ", which cannot be loaded", ex);
		}
	}

	private static @Nullable String startClass() {
		try {
			Enumeration<URL> manifests = FunctionRequestHandler.class.getClassLoader()
				.getResources("META-INF/MANIFEST.MF");
			while (manifests.hasMoreElements()) {
				try (InputStream input = manifests.nextElement().openStream()) {
					String startClass = new Manifest(input).getMainAttributes().getValue("Start-Class");
					if (startClass != null) {
						return startClass;
					}
				}
			}
			return null;
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not read the class path's manifests for a Start-Class", ex);
		}
	}

}
