package dev.lambdaruntime.shutdown;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import dev.lambdaruntime.api.Invocation;
import dev.lambdaruntime.api.RuntimeApiClient;
import dev.lambdaruntime.emulator.Endpoint;
import dev.lambdaruntime.emulator.Fault;
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
	void aRegistrationLostOnItsWayIsSentAgain() {
		this.emulator.faults().next(Endpoint.EXTENSION_REGISTER, Fault.dropRequest());
		this.extension = InternalExtension.register(this.emulator.runtimeApi());
		assertThat(this.extension).isNotNull();
		assertThat(this.emulator.faults().injected(Endpoint.EXTENSION_REGISTER)).isOne();
		await("the extension's first /event/next").atMost(Duration.ofSeconds(10))
			.until(() -> this.emulator.extensions().get(0).state().equals("Ready"));
	}

	@Test
	void aRegistrationWhoseAnswerIsLostIsLoggedAndTheRuntimeCarriesOn(CapturedOutput output) {
		this.emulator.faults().next(Endpoint.EXTENSION_REGISTER, Fault.malformedHeaders());
		assertThat(InternalExtension.register(this.emulator.runtimeApi())).isNull();
		assertThat(output).contains("Could not register the internal extension lambda-runtime-spring-boot")
			.contains("Extension.InvalidExtensionState")
			.contains("If Lambda took the first registration, it waits for it until its init limit");
		// Lambda took the first one: it waits for an extension whose identifier the runtime never learnt.
		assertThat(this.emulator.extensions()).singleElement()
			.satisfies((registered) -> assertThat(registered.state()).isEqualTo("Registered"));
	}

	@Test
	void aRefusedPollTellsLambdaTheExtensionExitsSoNoInvocationWaitsForIt(CapturedOutput output) throws Exception {
		this.emulator.faults().next(Endpoint.EXTENSION_NEXT, Fault.status(500));
		this.extension = InternalExtension.register(this.emulator.runtimeApi());
		assertThat(this.extension).isNotNull();
		assertServed();
		assertThat(this.emulator.extensions()).singleElement()
			.satisfies((registered) -> assertThat(registered.state()).isEqualTo("Exited"));
		assertThat(output).contains("The internal extension stops waiting for events").contains("answered 500");
	}

	@Test
	void aPollWhoseConnectionKeepsFailingEndsTheSameWay() throws Exception {
		this.emulator.faults().next(Endpoint.EXTENSION_NEXT, Fault.resetConnection(), 100);
		this.extension = InternalExtension.register(this.emulator.runtimeApi());
		assertServed();
		// The first poll, on the registration's kept-alive connection, is sent again at once on a fresh one; then
		// three more polls after 10, 100 and 1,000 ms.
		assertThat(this.emulator.faults().injected(Endpoint.EXTENSION_NEXT)).isEqualTo(5);
		assertThat(this.emulator.extensions()).singleElement()
			.satisfies((registered) -> assertThat(registered.state()).isEqualTo("Exited"));
	}

	@Test
	void anUnreachableApiIsLoggedAndTheRuntimeCarriesOn(CapturedOutput output) {
		String address = this.emulator.runtimeApi();
		this.emulator.close();
		assertThat(InternalExtension.register(address)).isNull();
		assertThat(output).contains("Could not register the internal extension");
	}

	/**
	 * An invocation reaches the runtime and its answer the caller, which Lambda allows only while no registered
	 * extension holds the environment back.
	 */
	private void assertServed() throws Exception {
		try (RuntimeApiClient runtime = new RuntimeApiClient(this.emulator.runtimeApi())) {
			CompletableFuture<InvokeResult> result = CompletableFuture.supplyAsync(() -> this.emulator.invoke("{}"));
			Invocation invocation = CompletableFuture.supplyAsync(() -> {
				try {
					return runtime.next();
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}).get(10, TimeUnit.SECONDS);
			runtime.respond(invocation, "1".getBytes(), null);
			assertThat(result.get(10, TimeUnit.SECONDS).payloadAsString()).isEqualTo("1");
		}
	}

}
