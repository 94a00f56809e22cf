package dev.lambdaruntime.handler;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Marks an application {@link FunctionRequestHandler} started, so the auto-configuration serves its events without a
 * loop: an initializer on the {@link SpringApplication}, seen while its environment is prepared, which adds a bean
 * definition before the context refreshes. Both are kept out of the application's properties. A definition rather than
 * a singleton, as a failed refresh destroys singletons, and the init-error reporter must still see it.
 */
public final class ManagedHandlerMarker {

	/** The marker's bean name. */
	public static final String BEAN_NAME = "lambdaRuntimeManagedHandlerMarker";

	private ManagedHandlerMarker() {
	}

	/**
	 * Marks an application {@link FunctionRequestHandler} is about to start.
	 * @param application the application, before it runs
	 */
	public static void mark(SpringApplication application) {
		application.addInitializers(new Registration());
	}

	/**
	 * Whether {@link FunctionRequestHandler} starts this application, before its context exists.
	 * @param application the application
	 * @return {@code true} when it was marked
	 */
	public static boolean isPresent(SpringApplication application) {
		return application.getInitializers().stream().anyMatch(Registration.class::isInstance);
	}

	/**
	 * Whether {@link FunctionRequestHandler} started the application whose beans these are.
	 * @param beanFactory the application's bean factory, or {@code null} before there is one
	 * @return {@code true} when the marker is there
	 */
	public static boolean isPresent(@Nullable BeanFactory beanFactory) {
		return beanFactory instanceof BeanDefinitionRegistry registry && registry.containsBeanDefinition(BEAN_NAME);
	}

	/**
	 * Marks an application as started by {@link FunctionRequestHandler}, before its context refreshes.
	 * @param context the application's context
	 */
	public static void register(ConfigurableApplicationContext context) {
		if (context.getBeanFactory() instanceof BeanDefinitionRegistry registry) {
			registry.registerBeanDefinition(BEAN_NAME,
					new RootBeanDefinition(ManagedHandlerMarker.class, ManagedHandlerMarker::new));
		}
	}

	/**
	 * The initializer that carries the mark from the application to its context.
	 */
	private static final class Registration implements ApplicationContextInitializer<ConfigurableApplicationContext> {

		@Override
		public void initialize(ConfigurableApplicationContext context) {
			register(context);
		}

	}

}
