package dev.lambdaruntime.shutdown;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import dev.lambdaruntime.api.RuntimeApiClient;
import dev.lambdaruntime.emulator.InvokeResult;
import dev.lambdaruntime.emulator.LambdaEmulator;
import dev.lambdaruntime.emulator.RegisteredExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link InternalExtension} against the real emulator over loopback.
 */
@ExtendWith(OutputCaptureExtension.class)
class InternalExtensionTests {

	private final LambdaEmulator emulator = LambdaEmulator.create().start();

	private InternalExtension extension;

	@AfterEach
	void close() {
		if (this.extension != null) {
			this.extension.close();
		}
		this.emulator.close();
	}

	@Test
	void registersForNoEventsAndWaitsInEventNext() {
		this.extension = InternalExtension.register(this.emulator.runtimeApi());
		assertThat(this.extension).isNotNull();
		await("the extension's first /event/next").atMost(Duration.ofSeconds(10))
			.until(() -> this.emulator.extensions()
				.equals(List.of(new RegisteredExtension("lambda-runtime-spring-boot", this.extension.identifier(),
						false, List.of(), "Ready"))));
	}

	@Test
	void makesTheShutdownPhaseSendSigterm() {
		this.extension = InternalExtension.register(this.emulator.runtimeApi());
		assertThat(this.emulator.shutdown()).isTrue();
	}

	@Test
	void neverHoldsAnInvocationBack() throws Exception {
		this.extension = InternalExtension.register(this.emulator.runtimeApi());
		try (RuntimeApiClient runtime = new RuntimeApiClient(this.emulator.runtimeApi())) {
			CompletableFuture<InvokeResult> result = CompletableFuture.supplyAsync(() -> this.emulator.invoke("{}"));
			runtime.respond(runtime.next(), "1".getBytes(), null);
			assertThat(result.get(10, TimeUnit.SECONDS).payloadAsString()).isEqualTo("1");
		}
	}

	@Test
	void aRefusalIsLoggedAndTheRuntimeCarriesOn(CapturedOutput output) throws Exception {
		try (RuntimeApiClient runtime = new RuntimeApiClient(this.emulator.runtimeApi())) {
			// The runtime's first /next ends the init phase: registration is closed after it.
			CompletableFuture<InvokeResult> result = CompletableFuture.supplyAsync(() -> this.emulator.invoke("{}"));
			var invocation = runtime.next();
			assertThat(InternalExtension.register(this.emulator.runtimeApi())).isNull();
			assertThat(output).contains("Could not register the internal extension lambda-runtime-spring-boot")
				.contains("Extension.RegistrationClosed");
			runtime.respond(invocation, "1".getBytes(), null);
			assertThat(result.get(10, TimeUnit.SECONDS).payloadAsString()).isEqualTo("1");
		}
	}

	@Test
	void anUnreachableApiIsLoggedAndTheRuntimeCarriesOn(CapturedOutput output) {
		String address = this.emulator.runtimeApi();
		this.emulator.close();
		assertThat(InternalExtension.register(address)).isNull();
		assertThat(output).contains("Could not register the internal extension");
	}

}
