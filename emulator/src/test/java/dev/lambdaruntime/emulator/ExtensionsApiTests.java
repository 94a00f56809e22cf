package dev.lambdaruntime.emulator;

import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The Extensions API, driven by a test extension and a test runtime over real HTTP.
 */
class ExtensionsApiTests {

	private final LambdaEmulator emulator = LambdaEmulator.builder().externalExtension("watcher").build().start();

	private final TestExtension extension = new TestExtension(this.emulator);

	private final TestRuntime runtime = new TestRuntime(this.emulator);

	@AfterEach
	void close() {
		this.emulator.close();
	}

	@Test
	void registerAnswersTheIdentifierAndTheFunction() {
		HttpResponse<String> registered = this.extension.register("my-runtime", "{\"events\":[]}");
		assertThat(registered.statusCode()).isEqualTo(200);
		String id = registered.headers().firstValue("Lambda-Extension-Identifier").orElseThrow();
		assertThat(UUID.fromString(id)).hasToString(id);
		assertThat(TestJson.parse(registered.body()))
			.isEqualTo(Map.of("functionName", "function", "functionVersion", "$LATEST", "handler", ""));
		assertThat(this.emulator.extensions())
			.containsExactly(new RegisteredExtension("my-runtime", id, false, List.of(), "Registered"));
	}

	@Test
	void accountIdOnlyWhenAccepted() {
		HttpResponse<String> registered = this.extension.register("my-runtime", "{}",
				"Lambda-Extension-Accept-Feature", "accountId");
		assertThat(TestJson.parse(registered.body())).containsEntry("accountId", "000000000000");
	}

	@Test
	void refusesWhatLambdaRefuses() {
		assertRefused(this.extension.register(null, "{\"events\":[]}"), "Extension.InvalidExtensionName");
		assertRefused(this.extension.register("x", "events"), "InvalidRequestFormat");
		assertRefused(this.extension.register("x", ""), "InvalidRequestFormat");
		assertRefused(this.extension.register("x", "{\"events\":[\"SHUTDOWN\"]}"), "Extension.InvalidEventType");
		assertRefused(this.extension.register("x", "{\"events\":[\"RESTORE\"]}"), "Extension.InvalidEventType");
		this.extension.registerId("x", "[\"INVOKE\"]");
		assertRefused(this.extension.register("x", "{}"), "Extension.InvalidExtensionState");
		for (int i = 1; i < 10; i++) {
			this.extension.registerId("x" + i, "[]");
		}
		assertRefused(this.extension.register("x10", "{}"), "Extension.TooManyExtensions");
	}

	@Test
	void registrationClosesWhenTheRuntimeAsksForWork() throws Exception {
		CompletableFuture<InvokeResult> result = CompletableFuture.supplyAsync(() -> this.emulator.invoke("{}"));
		HttpResponse<String> event = this.runtime.next();
		assertRefused(this.extension.register("late", "{}"), "Extension.RegistrationClosed");
		this.runtime.respond(TestRuntime.requestId(event), "1");
		assertThat(result.get(5, TimeUnit.SECONDS).payloadAsString()).isEqualTo("1");
	}

	@Test
	void nextChecksTheIdentifier() throws Exception {
		assertRefused(this.extension.next(null).get(5, TimeUnit.SECONDS), "Extension.MissingExtensionIdentifier");
		assertRefused(this.extension.next("not-a-uuid").get(5, TimeUnit.SECONDS),
				"Extension.InvalidExtensionIdentifier");
		assertRefused(this.extension.next(UUID.randomUUID().toString()).get(5, TimeUnit.SECONDS),
				"Extension.UnknownExtensionIdentifier");
	}

	@Test
	void theFirstInvocationWaitsForEveryExtensionToBeReady() throws Exception {
		String id = this.extension.registerId("quiet", "[]");
		CompletableFuture<InvokeResult> result = CompletableFuture
			.supplyAsync(() -> this.emulator.invoke("{\"n\":1}"));
		CompletableFuture<HttpResponse<String>> next = this.runtime.nextAsync();
		assertThat(next).isNotCompleted();
		this.extension.next(id);
		HttpResponse<String> event = next.get(5, TimeUnit.SECONDS);
		this.runtime.respond(TestRuntime.requestId(event), "\"done\"");
		assertThat(result.get(5, TimeUnit.SECONDS).payloadAsString()).isEqualTo("\"done\"");
		assertThat(this.emulator.extensions()).singleElement()
			.satisfies((registered) -> assertThat(registered.state()).isEqualTo("Ready"));
	}

	@Test
	void externalExtensionGetsInvokeEventsAndHoldsTheNextInvocationUntilItIsDone() throws Exception {
		String id = this.extension.registerId("watcher", "[\"INVOKE\",\"SHUTDOWN\"]");
		CompletableFuture<HttpResponse<String>> invokeEvent = this.extension.next(id);
		CompletableFuture<InvokeResult> first = CompletableFuture.supplyAsync(() -> this.emulator.invoke("{}"));
		HttpResponse<String> event = this.runtime.next();
		String requestId = TestRuntime.requestId(event);
		Map<String, Object> invoke = TestJson.parse(invokeEvent.get(5, TimeUnit.SECONDS).body());
		assertThat(invoke).containsEntry("eventType", "INVOKE")
			.containsEntry("requestId", requestId)
			.containsEntry("deadlineMs",
					Long.parseLong(event.headers().firstValue("Lambda-Runtime-Deadline-Ms").orElseThrow()))
			.containsEntry("invokedFunctionArn", "arn:aws:lambda:us-east-1:000000000000:function:function")
			.containsEntry("tracing", Map.of("type", "X-Amzn-Trace-Id", "value",
					event.headers().firstValue("Lambda-Runtime-Trace-Id").orElseThrow()));
		this.runtime.respond(requestId, "1");
		assertThat(first.get(5, TimeUnit.SECONDS).payloadAsString()).isEqualTo("1");
		CompletableFuture<InvokeResult> second = CompletableFuture.supplyAsync(() -> this.emulator.invoke("{}"));
		CompletableFuture<HttpResponse<String>> secondEvent = this.runtime.nextAsync();
		// The extension still works on the first INVOKE: the invoke phase is not over.
		assertThat(secondEvent).isNotCompleted();
		CompletableFuture<HttpResponse<String>> nextInvoke = this.extension.next(id);
		this.runtime.respond(TestRuntime.requestId(secondEvent.get(5, TimeUnit.SECONDS)), "2");
		assertThat(second.get(5, TimeUnit.SECONDS).payloadAsString()).isEqualTo("2");
		assertThat(TestJson.parse(nextInvoke.get(5, TimeUnit.SECONDS).body())).containsEntry("eventType", "INVOKE");
	}

	@Test
	void shutdownSendsTheRuntimeSigtermAndExternalExtensionsAShutdownEvent() throws Exception {
		List<String> signals = new CopyOnWriteArrayList<>();
		this.emulator.addShutdownListener(() -> signals.add("SIGTERM"));
		String id = this.extension.registerId("watcher", "[\"SHUTDOWN\"]");
		CompletableFuture<HttpResponse<String>> shutdownEvent = this.extension.next(id);
		long before = System.currentTimeMillis();
		CompletableFuture<Boolean> shutdown = CompletableFuture.supplyAsync(this.emulator::shutdown);
		Map<String, Object> event = TestJson.parse(shutdownEvent.get(5, TimeUnit.SECONDS).body());
		assertThat(event).containsEntry("eventType", "SHUTDOWN").containsEntry("shutdownReason", "spindown");
		assertThat(((Number) event.get("deadlineMs")).longValue()).isBetween(before + 2000,
				System.currentTimeMillis() + 2000);
		this.extension.next(id);
		assertThat(shutdown.get(5, TimeUnit.SECONDS)).isTrue();
		assertThat(signals).containsExactly("SIGTERM");
		assertThat(this.emulator.extensions()).isEmpty();
		assertThat(this.extension.register("again", "{}").statusCode()).isEqualTo(200);
	}

	@Test
	void shutdownWithoutAnExtensionIsSigkillWithoutSigterm() {
		List<String> signals = new CopyOnWriteArrayList<>();
		this.emulator.addShutdownListener(() -> signals.add("SIGTERM"));
		assertThat(this.emulator.shutdown()).isFalse();
		assertThat(signals).isEmpty();
	}

	@Test
	void anInitErrorFailsTheEnvironmentAndEndsTheExtension() throws Exception {
		String id = this.extension.registerId("broken", "[]");
		assertRefused(this.extension.error("/init/error", id, null), "Extension.MissingHeader");
		HttpResponse<String> accepted = this.extension.error("/init/error", id, "Extension.Broke");
		assertThat(accepted.statusCode()).isEqualTo(202);
		InvokeResult result = this.emulator.invoke("{}");
		assertThat(result.functionError()).isEqualTo("Unhandled");
		assertThat(TestJson.parse(result.payloadAsString())).containsEntry("errorType", "Extension.InitError");
		assertRefused(this.extension.next(id).get(5, TimeUnit.SECONDS), "Extension.InvalidExtensionState");
		assertRefused(this.extension.error("/exit/error", id, "Extension.Broke"), "Extension.InvalidExtensionState");
	}

	@Test
	void anExtensionThatNeverWaitsInEventNextHoldsTheInitUntilTheInitLimitForgetsIt() throws Exception {
		this.emulator.close();
		LambdaEmulator emulator = LambdaEmulator.builder().initTimeout(Duration.ofMillis(300)).build().start();
		try (emulator) {
			TestExtension extension = new TestExtension(emulator);
			TestRuntime runtime = new TestRuntime(emulator);
			extension.registerId("lost", "[]");
			CompletableFuture<HttpResponse<String>> next = runtime.nextAsync();
			CompletableFuture<InvokeResult> result = CompletableFuture.supplyAsync(() -> emulator.invoke("{}"));
			// Lambda resets the environment past the init limit, which forgets the extension: the event goes out.
			HttpResponse<String> event = next.get(10, TimeUnit.SECONDS);
			assertThat(emulator.extensions()).isEmpty();
			runtime.respond(TestRuntime.requestId(event), "\"late\"");
			assertThat(result.get(5, TimeUnit.SECONDS).payloadAsString()).isEqualTo("\"late\"");
		}
	}

	@Test
	void faultsOnTheExtensionsApiKeepTheRequestFromItOrBreakItsAnswer() throws Exception {
		this.emulator.faults()
			.next(Endpoint.EXTENSION_REGISTER, Fault.status(503))
			.next(Endpoint.EXTENSION_REGISTER, Fault.dropResponse());
		HttpResponse<String> refused = this.extension.register("quiet", "{\"events\":[]}");
		assertThat(refused.statusCode()).isEqualTo(503);
		assertThat(TestJson.parse(refused.body())).containsEntry("errorType", "Emulator.InjectedFault")
			.containsEntry("errorMessage", "Fault injected by the Lambda emulator: status:503 on extension-register");
		assertThat(this.emulator.extensions()).isEmpty();
		assertThatExceptionOfType(UncheckedIOException.class)
			.isThrownBy(() -> this.extension.register("quiet", "{\"events\":[]}"));
		// The API took the registration whose answer was lost: the extension is there, and holds the init phase.
		assertThat(this.emulator.extensions()).singleElement()
			.satisfies((registered) -> assertThat(registered.state()).isEqualTo("Registered"));
		assertThat(this.emulator.faults().injected(Endpoint.EXTENSION_REGISTER)).isEqualTo(2);
	}

	@Test
	void faultsOnTheEventPollAndTheErrorEndpoints() throws Exception {
		String id = this.extension.registerId("quiet", "[]");
		this.emulator.faults()
			.next(Endpoint.EXTENSION_NEXT, Fault.status(500))
			.next(Endpoint.EXTENSION_EXIT_ERROR, Fault.status(502))
			.next(Endpoint.EXTENSION_INIT_ERROR, Fault.status(429));
		assertThat(this.extension.next(id).get(5, TimeUnit.SECONDS).statusCode()).isEqualTo(500);
		assertThat(this.emulator.extensions()).singleElement()
			.satisfies((registered) -> assertThat(registered.state()).isEqualTo("Registered"));
		assertThat(this.extension.error("/exit/error", id, "Extension.Broke").statusCode()).isEqualTo(502);
		assertThat(this.extension.error("/init/error", id, "Extension.Broke").statusCode()).isEqualTo(429);
		assertThat(this.emulator.extensions()).singleElement()
			.satisfies((registered) -> assertThat(registered.state()).isEqualTo("Registered"));
		assertThat(this.extension.error("/exit/error", id, "Extension.Broke").statusCode()).isEqualTo(202);
		assertThat(this.emulator.faults().injected()).isEqualTo(3);
	}

	@Test
	void aRandomFaultForEveryEndpointReachesTheExtensionsApi() {
		this.emulator.faults().random(Fault.status(500), 1);
		assertThat(this.extension.register("quiet", "{}").statusCode()).isEqualTo(500);
		assertThat(this.emulator.faults().injected(Endpoint.EXTENSION_REGISTER)).isOne();
	}

	private static void assertRefused(HttpResponse<String> response, String errorType) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
		assertThat(TestJson.parse(response.body())).containsEntry("errorType", errorType)
			.containsKey("errorMessage");
	}

}
