package dev.lambdaruntime.sample;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import dev.lambdaruntime.emulator.InvokeResult;
import dev.lambdaruntime.emulator.LambdaEmulator;
import dev.lambdaruntime.emulator.RuntimeRequest;
import dev.lambdaruntime.metrics.EmfDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.test.json.JsonContent;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged {@code sample-app.jar} as a real process, the way Lambda runs it.
 */
class SampleAppProcessIT {

	private static final JsonMapper json = JsonMapper.builder().build();

	@TempDir
	Path logs;

	private Process process;

	@AfterEach
	void stop() throws InterruptedException {
		if (this.process != null && this.process.isAlive()) {
			this.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
		}
	}

	@Test
	void servesGreetFromTheJar() throws Exception {
		try (LambdaEmulator emulator = emulator()) {
			this.process = start(emulator, "greet");
			InvokeResult result = emulator.invoke("{\"name\":\"lambda\"}");
			assertThat(new JsonContent(result.payloadAsString())).isStrictlyEqualTo("{\"greeting\":\"Hello, LAMBDA\"}");
			assertThat(emulator.takeRuntimeRequest(Duration.ofSeconds(1)).header("User-Agent"))
				.startsWith("lambda-runtime-spring-boot/");
			assertThat(log()).contains("Lambda runtime started: function 'greet'").doesNotContain("lambda\"}");
		}
	}

	@Test
	void writesLambdasJsonLogFormatWhenLambdaAsksForIt() throws Exception {
		try (LambdaEmulator emulator = emulator()) {
			this.process = start(emulator, "fail", Map.of("AWS_LAMBDA_LOG_FORMAT", "JSON", "AWS_LAMBDA_LOG_LEVEL", "INFO"));
			InvokeResult failed = emulator.invoke("{\"card\":\"4111111111111111\"}");
			assertThat(failed.functionError()).isEqualTo("Unhandled");
			this.process.destroy();
			assertThat(this.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
			List<Map<String, Object>> lines = new ArrayList<>();
			for (String line : log().split("\n")) {
				if (!line.isBlank()) {
					lines.add(json.readValue(line, new TypeReference<Map<String, Object>>() {
					}));
				}
			}
			assertThat(lines).anySatisfy((line) -> assertThat((String) line.get("message"))
				.startsWith("Lambda runtime started: function 'fail' as sample, custom runtime, 1 worker, init "));
			assertThat(lines).filteredOn((line) -> failed.requestId().equals(line.get("requestId")))
				.filteredOn((line) -> !line.containsKey("_aws"))
				.singleElement()
				.satisfies((line) -> assertThat(line).containsEntry("level", "ERROR")
					.containsEntry("logger", "dev.lambdaruntime.loop.Worker")
					.containsEntry("errorType", "java.lang.IllegalStateException")
					.containsEntry("errorMessage", "boom"));
			assertThat(log()).doesNotContain("4111111111111111");
		}
	}

	@Test
	void writesTheOrdersMetricsAsEmfLinesBesideLambdasJsonLog() throws Exception {
		try (LambdaEmulator emulator = emulator()) {
			this.process = start(emulator, "orders", Map.of("AWS_LAMBDA_LOG_FORMAT", "JSON"));
			List<String> requestIds = new ArrayList<>();
			for (int i = 0; i < 3; i++) {
				InvokeResult placed = emulator.invoke(Events.load("post-orders.json"));
				assertThat(placed.payloadAsString()).startsWith("{\"statusCode\":201");
				requestIds.add(placed.requestId());
			}
			this.process.destroy();
			assertThat(this.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
			// Every line is JSON: log records and EMF documents alike, each on a line of its own.
			for (String line : log().split("\n")) {
				if (!line.isBlank()) {
					assertThat(json.readValue(line, new TypeReference<Map<String, Object>>() {
					})).satisfiesAnyOf((record) -> assertThat(record).containsKeys("level", "message"),
							(document) -> assertThat(document).containsKey("_aws").doesNotContainKey("message"));
				}
			}
			List<EmfDocument> documents = EmfDocument.parseAll(log());
			assertThat(EmfDocument.sum(documents, "ColdStart")).isEqualTo(1);
			assertThat(documents).filteredOn((document) -> document.units().containsKey("orders.placed"))
				.allSatisfy((document) -> {
					assertThat(document.namespace()).isEqualTo("sample-app");
					assertThat(document.member("function_name")).isEqualTo("sample");
					assertThat(document.values("orders.quantity")).containsExactly(2.0);
				})
				.extracting(EmfDocument::requestId)
				.containsExactlyElementsOf(requestIds);
		}
	}

	@Test
	void onSigtermFinishesTheInFlightInvocationWithinTheGracePeriodAndExitsZero() throws Exception {
		try (LambdaEmulator emulator = emulator()) {
			this.process = start(emulator, "slow", Map.of("LAMBDA_RUNTIME_SHUTDOWN_GRACE_PERIOD", "450ms"));
			emulator.invoke("{\"ms\":1}");
			CompletableFuture<InvokeResult> slow = CompletableFuture.supplyAsync(() -> emulator.invoke("{\"ms\":200}"));
			awaitLog(" of slow with ", 2);
			this.process.destroy();
			assertThat(new JsonContent(slow.get(30, TimeUnit.SECONDS).payloadAsString()))
				.isStrictlyEqualTo("{\"slept\":200}");
			assertThat(this.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
			assertThat(this.process.exitValue()).as(log()).isZero();
			assertThat(log()).contains("Shutting down within 500 ms").containsPattern("Shut down in \\d+ ms");
		}
	}

	@Test
	void onSigtermReportsAnInvocationThatOutlivesTheGracePeriodAsFailed() throws Exception {
		try (LambdaEmulator emulator = emulator()) {
			this.process = start(emulator, "slow");
			emulator.invoke("{\"ms\":1}");
			CompletableFuture<InvokeResult> slow = CompletableFuture.supplyAsync(() -> emulator.invoke("{\"ms\":5000}"));
			awaitLog(" of slow with ", 2);
			this.process.destroy();
			InvokeResult failed = slow.get(30, TimeUnit.SECONDS);
			assertThat(failed.functionError()).isEqualTo("Unhandled");
			assertThat(failed.payloadAsString()).contains("\"errorType\":\"Runtime.ExitError\"")
				.contains("did not finish within the grace period of 150 ms");
			assertThat(this.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
			assertThat(this.process.exitValue()).as(log()).isZero();
		}
	}

	@Test
	void exitsNonZeroAfterReportingAnInitError() throws Exception {
		try (LambdaEmulator emulator = emulator()) {
			this.process = start(emulator, "nonexistent");
			assertThat(this.process.waitFor(60, TimeUnit.SECONDS)).isTrue();
			assertThat(this.process.exitValue()).isNotZero();
			assertThat(emulator.initError().orElseThrow().body()).contains("No function 'nonexistent'");
		}
	}

	@Test
	void exitsNonZeroAfterReportingAMalformedLambdaVariable() throws Exception {
		try (LambdaEmulator emulator = emulator()) {
			this.process = start(emulator, "greet", Map.of("AWS_LAMBDA_MAX_CONCURRENCY", "abc"));
			assertThat(this.process.waitFor(60, TimeUnit.SECONDS)).isTrue();
			assertThat(this.process.exitValue()).isNotZero();
			assertThat(emulator.initError().orElseThrow().body()).as(log())
				.contains("AWS_LAMBDA_MAX_CONCURRENCY must be a positive whole number, but was 'abc'");
		}
	}

	@Test
	void underSnapStartPrimesBeforeTheSnapshotThenServesTheRestoredCopy() throws Exception {
		try (LambdaEmulator emulator = LambdaEmulator.builder().timeout(Duration.ofSeconds(60)).snapStart(true).build()
			.start()) {
			this.process = start(emulator, "stats", Map.of("AWS_LAMBDA_INITIALIZATION_TYPE", "snap-start",
					"LAMBDA_RUNTIME_PRIMING_EVENT", "{\"sensor\":\"primer\",\"value\":1}"));
			InvokeResult first = emulator.invoke("{\"sensor\":\"primer\",\"value\":3}");
			// The priming event went through the function before the snapshot: this is the second reading.
			assertThat(new JsonContent(first.payloadAsString())).as(log())
				.isStrictlyEqualTo("{\"sensor\":\"primer\",\"count\":2,\"mean\":2.0}");
			assertThat(emulator.runtimeRequests()).extracting(RuntimeRequest::path)
				.startsWith("/2018-06-01/runtime/restore/next", "/2018-06-01/runtime/invocation/next");
			assertThat(log()).contains("Primed the function before the snapshot: 1 invocation(s) of the sample event")
				.contains("function 'stats' as sample, custom runtime, SnapStart");
			// The restored copy's first invocation says so; priming, before the snapshot, wrote no metrics.
			assertThat(EmfDocument.parseAll(log())).singleElement().satisfies((document) -> {
				assertThat(document.requestId()).isEqualTo(first.requestId());
				assertThat(document.values("ColdStart")).containsExactly(1.0);
				assertThat(document.values("SnapStartRestore")).containsExactly(1.0);
			});
		}
	}

	private static LambdaEmulator emulator() {
		return LambdaEmulator.builder()
			.timeout(Duration.ofSeconds(60))
			.initTimeout(SampleProcess.INIT_LIMIT)
			.build()
			.start();
	}

	private Process start(LambdaEmulator emulator, String function) throws IOException {
		return start(emulator, function, Map.of());
	}

	private Process start(LambdaEmulator emulator, String function, Map<String, String> variables) throws IOException {
		// A run logs the runtime at DEBUG, unless it sets Lambda's own log controls.
		Map<String, String> environment = new HashMap<>(variables);
		if (variables.keySet().stream().noneMatch((name) -> name.startsWith("AWS_LAMBDA_LOG_"))) {
			environment.put("LOGGING_LEVEL_DEV_LAMBDARUNTIME", "DEBUG");
		}
		return SampleProcess.start(emulator, function, environment, this.logs.resolve("app.log").toFile(),
				SampleProcess.QUICK_START);
	}

	private String log() throws IOException {
		File file = this.logs.resolve("app.log").toFile();
		return file.exists() ? Files.readString(file.toPath()) : "";
	}

	private void awaitLog(String text, int times) throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (log().split(text, -1).length - 1 < times) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError(times + " times '" + text + "' expected in the log:\n" + log());
			}
			Thread.sleep(20);
		}
	}

}
