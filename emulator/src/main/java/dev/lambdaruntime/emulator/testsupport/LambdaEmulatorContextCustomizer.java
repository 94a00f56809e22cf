package dev.lambdaruntime.emulator.testsupport;

import java.util.Map;

import dev.lambdaruntime.emulator.LambdaEmulator;

import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Starts an emulator before the context refreshes, puts its address first in the environment as
 * {@code lambda.runtime.api}, registers it as the {@code lambdaEmulator} bean, and closes it with the context
 * ({@link LambdaEmulatorShutdownListener} makes its shutdown phase close the context). Equal settings make equal
 * customizers, so Spring's context cache shares contexts (and emulators) between test classes.
 */
final class LambdaEmulatorContextCustomizer implements ContextCustomizer {

	static final String PROPERTY = "lambda.runtime.api";

	static final String BEAN_NAME = "lambdaEmulator";

	private final EmulatorAttributes attributes;

	LambdaEmulatorContextCustomizer(EmulatorAttributes attributes) {
		this.attributes = attributes;
	}

	@Override
	public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
		LambdaEmulator emulator = this.attributes.start();
		context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource(BEAN_NAME, Map.of(PROPERTY, emulator.runtimeApi())));
		context.getBeanFactory().registerSingleton(BEAN_NAME, emulator);
		context.addApplicationListener(new Closer(context, emulator));
	}

	@Override
	public boolean equals(Object other) {
		return (other instanceof LambdaEmulatorContextCustomizer customizer)
				&& this.attributes.equals(customizer.attributes);
	}

	@Override
	public int hashCode() {
		return this.attributes.hashCode();
	}

	/**
	 * Closes the emulator when its own context closes.
	 */
	private static final class Closer implements ApplicationListener<ContextClosedEvent> {

		private final ConfigurableApplicationContext context;

		private final LambdaEmulator emulator;

		Closer(ConfigurableApplicationContext context, LambdaEmulator emulator) {
			this.context = context;
			this.emulator = emulator;
		}

		@Override
		public void onApplicationEvent(ContextClosedEvent event) {
			if (event.getApplicationContext() == this.context) {
				this.emulator.close();
			}
		}

	}

}
