package dev.lambdaruntime.loop;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import dev.lambdaruntime.api.Invocation;
import dev.lambdaruntime.api.RuntimeApiClient;
import dev.lambdaruntime.emulator.InvokeResult;
import dev.lambdaruntime.emulator.LambdaEmulator;
import dev.lambdaruntime.emulator.RuntimeRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.test.json.JsonContent;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link RuntimeLoop} against the real emulator over loopback.
 */
class RuntimeLoopTests {

	private final RecordingExitHandler exits = new RecordingExitHandler();

	private final List<AutoCloseable> resources = new ArrayList<>();

	@AfterEach
	void closeResources() throws Exception {
		for (int i = this.resources.size() - 1; i >= 0; i--) {
			this.resources.get(i).close();
		}
	}

	@Test
	void answersEachInvocationWithTheHandlersResult() {
		LambdaEmulator emulator = emulator(LambdaEmulator.builder());
		start(emulator, (invocation) -> new InvocationResponse(
				new String(invocation.payload(), StandardCharsets.UTF_8).toUpperCase(Locale.ROOT)
					.getBytes(StandardCharsets.UTF_8),
				"text/plain"),
				1);
		assertThat(emulator.invoke("hello").payloadAsString()).isEqualTo("HELLO");
		assertThat(emulator.invoke("again").payloadAsString()).isEqualTo("AGAIN");
	}

	@Test
	void reportsAFunctionExceptionAndGoesOn() {
		LambdaEmulator emulator = emulator(LambdaEmulator.builder());
		start(emulator, (invocation) -> {
			if (invocation.payload().length == 0) {
				throw new IllegalArgumentException("empty", new IllegalStateException("root"));
			}
			return new InvocationResponse(invocation.payload(), null);
		}, 1);
		InvokeResult failed = emulator.invoke("");
		assertThat(failed.functionError()).isEqualTo("Unhandled");
		JsonContent error = new JsonContent(failed.payloadAsString());
		assertThat(error).extractingPath("$.errorType").isEqualTo("java.lang.IllegalArgumentException");
		assertThat(error).extractingPath("$.errorMessage").isEqualTo("empty");
		assertThat(error).extractingPath("$.cause.errorMessage").isEqualTo("root");
		assertThat(error).extractingPath("$.cause.errorType").isEqualTo("java.lang.IllegalStateException");
		assertThat(failed.payloadAsString()).contains("RuntimeLoopTests");
		assertThat(emulator.invoke("\"next\"").payloadAsString()).isEqualTo("\"next\"");
		assertThat(this.exits.statuses()).isEmpty();
	}

	@Test
	void sendsTheExceptionForXRayBesideTheError() {
		LambdaEmulator emulator = emulator(LambdaEmulator.builder());
		start(emulator, (invocation) -> {
			throw new IllegalArgumentException("bad order");
		}, 1);
		assertThat(emulator.invoke("{}").functionError()).isEqualTo("Unhandled");
		RuntimeRequest error = takeUntil(emulator, "/error");
		JsonNode cause = JsonMapper.shared().readTree(error.header("Lambda-Runtime-Function-XRay-Error-Cause"));
		assertThat(cause.get("working_directory").asString()).isEqualTo(System.getProperty("user.dir"));
		JsonNode exception = cause.get("exceptions").get(0);
		assertThat(exception.get("type").asString()).isEqualTo("java.lang.IllegalArgumentException");
		assertThat(exception.get("message").asString()).isEqualTo("bad order");
		assertThat(exception.get("stack").get(0).get("path").asString()).isEqualTo("RuntimeLoopTests.java");
		assertThat(cause.get("paths").valueStream().map(JsonNode::asString)).contains("RuntimeLoopTests.java");
	}

	@Test
	void streamsAResponseInChunks() {
		LambdaEmulator emulator = emulator(LambdaEmulator.builder());
		start(emulator, (invocation) -> InvocationResponse.streaming("text/plain", (output) -> {
			output.write("first ".getBytes(StandardCharsets.UTF_8));
			output.flush();
			output.write("second".getBytes(StandardCharsets.UTF_8));
		}), 1);
		InvokeResult result = emulator.invoke("{}");
		assertThat(result.functionError()).isNull();
		assertThat(result.payloadAsString()).isEqualTo("first second");
		RuntimeRequest response = takeUntil(emulator, "/response");
		assertThat(response.header("Lambda-Runtime-Function-Response-Mode")).isEqualTo("streaming");
		assertThat(response.header("Transfer-Encoding")).isEqualTo("chunked");
		assertThat(response.header("Content-Type")).isEqualTo("text/plain");
	}

	@Test
	void aStreamThatFailsMidwayEndsWithTheErrorTrailersAndTheLoopGoesOn() {
		LambdaEmulator emulator = emulator(LambdaEmulator.builder());
		start(emulator, (invocation) -> InvocationResponse.streaming("text/plain", (output) -> {
			output.write("partial".getBytes(StandardCharsets.UTF_8));
			if (invocation.payload().length == 2) {
				throw new IllegalStateException("sensor gone");
			}
		}), 1);
		InvokeResult failed = emulator.invoke("{}");
		assertThat(failed.functionError()).isEqualTo("Unhandled");
		assertThat(new JsonContent(failed.payloadAsString())).extractingPath("$.errorType")
			.isEqualTo("java.lang.IllegalStateException");
		assertThat(failed.payloadAsString()).contains("sensor gone");
		assertThat(emulator.invoke("{ }").payloadAsString()).isEqualTo("partial");
		assertThat(this.exits.statuses()).isEmpty();
	}

	@Test
	void bracketsEachInvocationWithTheScopeUntilItsAnswerIsSent() throws Exception {
		LambdaEmulator emulator = emulator(LambdaEmulator.builder());
		List<String> events = new CopyOnWriteArrayList<>();
		CountDownLatch scopesLeft = new CountDownLatch(2);
		InvocationScope scope = new InvocationScope() {

			@Override
			public void enter(Invocation invocation) {
				events.add("enter " + invocation.requestId() + " on " + Thread.currentThread().getName());
			}

			@Override
			public void exit(Invocation invocation) {
				// The answer is sent before the scope closes: the runtime's own lines about it are inside.
				String path = emulator.runtimeRequests().get(emulator.runtimeRequests().size() - 1).path();
				events.add("exit " + invocation.requestId() + " after " + path.substring(path.lastIndexOf('/') + 1)
						+ " on " + Thread.currentThread().getName());
				scopesLeft.countDown();
			}

		};
		InvocationHandler handler = (invocation) -> {
			events.add("handle " + invocation.requestId());
			if (invocation.payload().length == 0) {
				throw new IllegalArgumentException("empty");
			}
			return new InvocationResponse(invocation.payload(), null);
		};
		RuntimeLoop loop = RuntimeLoop.builder(() -> new RuntimeApiClient(emulator.runtimeApi()), handler)
			.exitHandler(this.exits)
			.scope(scope)
			.build();
		loop.start();
		this.resources.add(() -> loop.stop(Duration.ofSeconds(5)));
		String ok = emulator.invoke("\"ok\"").requestId();
		String failed = emulator.invoke("").requestId();
		// The caller has its answer before the worker leaves the scope.
		assertThat(scopesLeft.await(10, TimeUnit.SECONDS)).isTrue();
		assertThat(events).containsExactly("enter " + ok + " on lambda-runtime-1", "handle " + ok,
				"exit " + ok + " after response on lambda-runtime-1", "enter " + failed + " on lambda-runtime-1",
				"handle " + failed, "exit " + failed + " after error on lambda-runtime-1");
	}

	@Test
	void underSnapStartRunsTheHooksAroundTheRestoreBeforeTakingEvents() {
		LambdaEmulator emulator = emulator(LambdaEmulator.builder().snapStart(true));
		List<String> events = new CopyOnWriteArrayList<>();
		startSnapStart(emulator, new CheckpointHooks() {

			@Override
			public void beforeCheckpoint() {
				events.add("before checkpoint, requests so far: " + paths(emulator));
			}

			@Override
			public void afterRestore() {
				events.add("after restore, requests so far: " + paths(emulator));
			}

		});
		assertThat(emulator.invoke("\"hello\"").payloadAsString()).isEqualTo("\"hello\"");
		assertThat(events).containsExactly("before checkpoint, requests so far: []",
				"after restore, requests so far: [/2018-06-01/runtime/restore/next]");
		assertThat(this.exits.statuses()).isEmpty();
	}

	@Test
	void underSnapStartAFailingBeforeCheckpointHookIsAnInitErrorAndTheRuntimeExits() throws Exception {
		LambdaEmulator emulator = emulator(LambdaEmulator.builder().snapStart(true));
		startSnapStart(emulator, new CheckpointHooks() {

			@Override
			public void beforeCheckpoint() {
				throw new IllegalStateException("cannot prime");
			}

			@Override
			public void afterRestore() {
				throw new AssertionError("no restore after a failed checkpoint");
			}

		});
		assertThat(this.exits.awaitStatus()).isEqualTo(1);
		assertThat(emulator.initError()).hasValueSatisfying((error) -> {
			assertThat(error.errorType()).isEqualTo("Runtime.BeforeCheckpointError");
			assertThat(error.body()).contains("cannot prime");
		});
		assertThat(paths(emulator)).containsExactly("/2018-06-01/runtime/init/error");
	}

	@Test
	void underSnapStartAFailingAfterRestoreHookIsARestoreErrorAndTheRuntimeExits() throws Exception {
		LambdaEmulator emulator = emulator(LambdaEmulator.builder().snapStart(true));
		startSnapStart(emulator, new CheckpointHooks() {

			@Override
			public void beforeCheckpoint() {
			}

			@Override
			public void afterRestore() {
				throw new IllegalStateException("stale credentials");
			}

		});
		assertThat(this.exits.awaitStatus()).isEqualTo(1);
		assertThat(emulator.restoreError()).hasValueSatisfying((error) -> {
			assertThat(error.errorType()).isEqualTo("Runtime.AfterRestoreError");
			assertThat(error.body()).contains("stale credentials");
		});
		assertThat(paths(emulator)).containsExactly("/2018-06-01/runtime/restore/next",
				"/2018-06-01/runtime/restore/error");
	}

	@Test
	void reportsAVirtualMachineErrorThenExits() throws Exception {
		LambdaEmulator emulator = emulator(LambdaEmulator.builder());
		start(emulator, (invocation) -> {
			throw new OutOfMemoryError("test heap");
		}, 1);
		InvokeResult failed = emulator.invoke("{}");
		assertThat(failed.functionError()).isEqualTo("Unhandled");
		assertThat(failed.payloadAsString()).contains("java.lang.OutOfMemoryError").contains("test heap");
		assertThat(this.exits.awaitStatus()).isEqualTo(1);
	}

	@Test
	void turnsAResponseOverTheSizeLimitIntoAClearError() {
		LambdaEmulator emulator = emulator(LambdaEmulator.builder());
		start(emulator, (invocation) -> new InvocationResponse(new byte[Worker.MAX_RESPONSE_BYTES + 1], null), 1);
		InvokeResult result = emulator.invoke("{}");
		assertThat(result.functionError()).isEqualTo("Unhandled");
		assertThat(result.payloadAsString()).contains("Function.ResponseSizeTooLarge").contains("6291556 bytes");
		assertThat(this.exits.statuses()).isEmpty();
	}

	@Test
	void servesNInvocationsAtOnceWithNWorkers() throws Exception {
		int workers = 4;
		LambdaEmulator emulator = emulator(LambdaEmulator.builder().concurrency(workers));
		CountDownLatch allInFlight = new CountDownLatch(workers);
		start(emulator, (invocation) -> {
			allInFlight.countDown();
			// Only returns if every worker holds an invocation at the same time.
			if (!allInFlight.await(10, TimeUnit.SECONDS)) {
				throw new IllegalStateException("invocations did not overlap");
			}
			return new InvocationResponse(invocation.payload(), null);
		}, workers);
		List<CompletableFuture<InvokeResult>> results = new ArrayList<>();
		for (int i = 0; i < workers; i++) {
			String payload = "\"" + i + "\"";
			results.add(CompletableFuture.supplyAsync(() -> emulator.invoke(payload)));
		}
		for (int i = 0; i < workers; i++) {
			InvokeResult result = results.get(i).get(20, TimeUnit.SECONDS);
			assertThat(result.functionError()).isNull();
			assertThat(result.payloadAsString()).isEqualTo("\"" + i + "\"");
		}
	}

	@Test
	void exitsWhenTheRuntimeApiCannotBeReached() throws Exception {
		LambdaEmulator emulator = LambdaEmulator.create().start();
		String endpoint = emulator.runtimeApi();
		emulator.close();
		RuntimeLoop loop = RuntimeLoop
			.builder(() -> new RuntimeApiClient(endpoint), (invocation) -> InvocationResponse.EMPTY)
			.exitHandler(this.exits)
			.build();
		loop.start();
		this.resources.add(() -> loop.stop(Duration.ofSeconds(1)));
		assertThat(this.exits.awaitStatus()).isEqualTo(1);
		assertThat(this.exits.reasons().get(0)).contains("polling the Runtime API failed");
	}

	@Test
	void stopLetsTheInFlightInvocationFinish() throws Exception {
		LambdaEmulator emulator = emulator(LambdaEmulator.builder());
		CountDownLatch started = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		RuntimeLoop loop = start(emulator, (invocation) -> {
			started.countDown();
			assertThat(release.await(10, TimeUnit.SECONDS)).isTrue();
			return new InvocationResponse("\"done\"".getBytes(StandardCharsets.UTF_8), null);
		}, 1);
		CompletableFuture<InvokeResult> result = CompletableFuture.supplyAsync(() -> emulator.invoke("{}"));
		assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
		CompletableFuture<Void> stopped = CompletableFuture.runAsync(() -> loop.stop(Duration.ofSeconds(10)));
		// The invocation is held until stop has begun; stop then waits for it.
		awaitUntil(() -> !loop.isRunning());
		assertThat(stopped).isNotDone();
		release.countDown();
		stopped.get(10, TimeUnit.SECONDS);
		assertThat(result.get(10, TimeUnit.SECONDS).payloadAsString()).isEqualTo("\"done\"");
		assertThat(this.exits.statuses()).isEmpty();
	}

	@Test
	void shutDownReportsAnInvocationThatDidNotFinishWithinTheGracePeriodAsFailed() throws Exception {
		LambdaEmulator emulator = emulator(LambdaEmulator.builder());
		CountDownLatch started = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		RuntimeLoop loop = start(emulator, (invocation) -> {
			started.countDown();
			release.await(10, TimeUnit.SECONDS);
			return new InvocationResponse("\"late\"".getBytes(StandardCharsets.UTF_8), null);
		}, 1);
		CompletableFuture<InvokeResult> result = CompletableFuture.supplyAsync(() -> emulator.invoke("{}"));
		assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
		loop.shutDown(Duration.ofMillis(50));
		InvokeResult failed = result.get(10, TimeUnit.SECONDS);
		release.countDown();
		assertThat(failed.functionError()).isEqualTo("Unhandled");
		JsonNode error = JsonMapper.shared().readTree(failed.payloadAsString());
		assertThat(error.get("errorType").asString()).isEqualTo("Runtime.ExitError");
		assertThat(error.get("errorMessage").asString()).isEqualTo("The runtime is shutting down: invocation "
				+ failed.requestId() + " did not finish within the grace period of 50 ms");
	}

	@Test
	void stopReleasesIdleWorkersPromptly() {
		LambdaEmulator emulator = emulator(LambdaEmulator.builder().concurrency(3));
		RuntimeLoop loop = start(emulator, (invocation) -> InvocationResponse.EMPTY, 3);
		long started = System.nanoTime();
		loop.stop(Duration.ofSeconds(30));
		// Blocked /next polls are released by closing their connections, not by waiting out the grace period.
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
		assertThat(this.exits.statuses()).isEmpty();
	}

	private LambdaEmulator emulator(LambdaEmulator.Builder builder) {
		LambdaEmulator emulator = builder.timeout(Duration.ofSeconds(20)).build().start();
		this.resources.add(emulator);
		return emulator;
	}

	private RuntimeLoop start(LambdaEmulator emulator, InvocationHandler handler, int workers) {
		RuntimeLoop loop = RuntimeLoop.builder(() -> new RuntimeApiClient(emulator.runtimeApi()), handler)
			.workers(workers)
			.exitHandler(this.exits)
			.build();
		loop.start();
		this.resources.add(() -> loop.stop(Duration.ofSeconds(5)));
		return loop;
	}


	private void startSnapStart(LambdaEmulator emulator, CheckpointHooks hooks) {
		RuntimeLoop loop = RuntimeLoop
			.builder(() -> new RuntimeApiClient(emulator.runtimeApi()),
					(invocation) -> new InvocationResponse(invocation.payload(), null))
			.exitHandler(this.exits)
			.checkpointHooks(hooks)
			.build();
		loop.start();
		this.resources.add(() -> loop.stop(Duration.ofSeconds(5)));
	}

	private static void awaitUntil(BooleanSupplier condition) {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (!condition.getAsBoolean()) {
			assertThat(System.nanoTime()).as("waited 10 s").isLessThan(deadline);
			Thread.onSpinWait();
		}
	}

	private static List<String> paths(LambdaEmulator emulator) {
		return emulator.runtimeRequests().stream().map(RuntimeRequest::path).toList();
	}

	private static RuntimeRequest takeUntil(LambdaEmulator emulator, String pathEnd) {
		RuntimeRequest request;
		do {
			request = emulator.takeRuntimeRequest(Duration.ofSeconds(5));
			assertThat(request).as("a Runtime API request ending in " + pathEnd).isNotNull();
		}
		while (!request.path().endsWith(pathEnd));
		return request;
	}

}
