package dev.lambdaruntime.api;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import dev.lambdaruntime.emulator.LambdaEmulator;
import dev.lambdaruntime.emulator.RegisteredExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link ExtensionsApiClient} against the real emulator over loopback.
 */
class ExtensionsApiClientTests {

	private final LambdaEmulator emulator = LambdaEmulator.builder().externalExtension("watcher").build().start();

	private final ExtensionsApiClient client = new ExtensionsApiClient(this.emulator.runtimeApi());

	@AfterEach
	void close() {
		this.client.close();
		this.emulator.close();
	}

	@Test
	void registersForNoEventsAndGetsAnIdentifier() throws IOException {
		String identifier = this.client.register("mine", List.of());
		assertThat(this.emulator.extensions())
			.containsExactly(new RegisteredExtension("mine", identifier, false, List.of(), "Registered"));
	}

	@Test
	void aRefusalSaysWhy() throws IOException {
		this.client.register("mine", List.of());
		assertThatExceptionOfType(RuntimeApiException.class)
			.isThrownBy(() -> this.client.register("mine", List.of("INVOKE")))
			.withMessageContaining("403")
			.withMessageContaining("Extension.InvalidExtensionState")
			.satisfies((ex) -> assertThat(ex.status()).isEqualTo(403));
		assertThatExceptionOfType(RuntimeApiException.class)
			.isThrownBy(() -> this.client.register("other", List.of("SHUTDOWN")))
			.withMessageContaining("Extension.InvalidEventType");
	}

	@Test
	void nextWaitsForAnEvent() throws Exception {
		String identifier = this.client.register("watcher", List.of("SHUTDOWN"));
		CompletableFuture<String> event = CompletableFuture.supplyAsync(() -> {
			try {
				return this.client.next(identifier);
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
		});
		CompletableFuture.runAsync(this.emulator::shutdown);
		assertThat(event.get(10, TimeUnit.SECONDS)).contains("\"eventType\":\"SHUTDOWN\"")
			.contains("\"shutdownReason\":\"spindown\"");
	}

	@Test
	void nextWithAnUnknownIdentifierIsRefused() {
		assertThatExceptionOfType(RuntimeApiException.class)
			.isThrownBy(() -> this.client.next("3f8a2c1e-0000-4000-8000-000000000000"))
			.withMessageContaining("Extension.UnknownExtensionIdentifier");
	}

}
