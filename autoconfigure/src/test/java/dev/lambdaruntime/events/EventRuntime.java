package dev.lambdaruntime.events;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import dev.lambdaruntime.autoconfigure.LambdaEventsAutoConfiguration;
import dev.lambdaruntime.autoconfigure.LambdaRuntimeAutoConfiguration;
import dev.lambdaruntime.emulator.LambdaEmulator;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.cloud.function.context.config.ContextFunctionCatalogAutoConfiguration;
import org.springframework.test.json.JsonContent;

/**
 * The real runtime loop serving a function behind the emulator, for the event tests.
 */
final class EventRuntime implements AutoCloseable {

	private final LambdaEmulator emulator = LambdaEmulator.builder().timeout(Duration.ofSeconds(10)).build().start();

	ApplicationContextRunner serving(String definition) {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(ContextFunctionCatalogAutoConfiguration.class,
					LambdaEventsAutoConfiguration.class, LambdaRuntimeAutoConfiguration.class))
			.withUserConfiguration(EventFunctions.class, AwsTypeFunctions.class)
			.withPropertyValues("lambda.runtime.api=" + this.emulator.runtimeApi(),
					"spring.cloud.function.definition=" + definition);
	}

	LambdaEmulator emulator() {
		return this.emulator;
	}

	String invoke(String eventResource) {
		return this.emulator.invoke(event(eventResource)).payloadAsString();
	}

	/**
	 * The answer to an event, to compare as JSON.
	 */
	JsonContent answer(String eventResource) {
		return new JsonContent(invoke(eventResource));
	}

	static String event(String name) {
		try (InputStream in = EventRuntime.class.getResourceAsStream("/events/" + name)) {
			if (in == null) {
				throw new IllegalArgumentException("No test event " + name);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		this.emulator.close();
	}

}
