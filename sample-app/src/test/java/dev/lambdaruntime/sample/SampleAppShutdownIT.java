package dev.lambdaruntime.sample;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import dev.lambdaruntime.emulator.InvokeRequest;
import dev.lambdaruntime.emulator.InvokeResult;
import dev.lambdaruntime.emulator.process.ProcessEmulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged jar in process mode, as Lambda runs it: the emulator starts it, and spins its environment down with
 * SIGTERM (when the runtime registered its internal extension) or SIGKILL; the {@code buffer} function's sink shows
 * what reached it.
 */
class SampleAppShutdownIT {

	private static final Path JAR = Path.of("target", "sample-app.jar").toAbsolutePath();

	private static final Pattern ERROR_TYPE = Pattern.compile("\"errorType\":\"([^\"]+)\"");

	/**
	 * Spin-downs in the loop: 10 in verify (each is a cold start), 100 in {@code benchmarks/reliability.sh shutdown};
	 * {@code -Dshutdown.loop.spindowns=N} to change.
	 */
	private static final int SPINDOWNS = Integer.getInteger("shutdown.loop.spindowns", 10);

	@TempDir
	Path taskRoot;

	@TempDir
	Path sink;

	private final ByteArrayOutputStream output = new ByteArrayOutputStream();

	private ProcessEmulator emulator;

	@AfterEach
	void stop() {
		if (this.emulator != null) {
			this.emulator.close();
		}
	}

	@Test
	void aSpinDownFlushesWhatTheFunctionBuffered() {
		this.emulator = start(true);
		List<String> sent = send(23, "on");
		assertThat(SinkFiles.ids(this.sink)).hasSize(20);
		assertThat(this.emulator.shutdown()).as(printed()).isTrue();
		assertThat(SinkFiles.ids(this.sink)).as(printed()).containsExactlyInAnyOrderElementsOf(sent);
		assertThat(printed()).contains("EXTENSION\tName: lambda-runtime-spring-boot\tState: Ready\tEvents: []")
			.contains("Flushed 3 buffered record(s) at shutdown")
			.containsPattern("Shut down in \\d+ ms")
			.contains("the runtime ended (exit status 0)");
	}

	@Test
	void withTheFeatureOffASpinDownLosesTheTail() {
		this.emulator = start(false);
		send(23, "off");
		assertThat(this.emulator.shutdown()).as(printed()).isFalse();
		assertThat(SinkFiles.ids(this.sink)).as(printed()).hasSize(20);
		assertThat(printed()).contains("no extension registered, so SIGKILL without SIGTERM")
			.doesNotContain("Flushed");
	}

	@Test
	void loseNothingAcrossSpinDownsAtRandomPoints() throws Exception {
		this.emulator = start(true);
		Random random = new Random(Long.getLong("shutdown.loop.seed", System.nanoTime()));
		Set<String> acknowledged = new HashSet<>();
		Map<String, Integer> failed = new TreeMap<>();
		int inFlightAtSpinDown = 0;
		int next = 0;
		for (int spindown = 1; spindown <= SPINDOWNS; spindown++) {
			// At least one first, so the runtime is up (and registered) before the spin-down comes.
			for (int i = 1 + random.nextInt(4); i > 0; i--) {
				String id = "e" + (next++);
				record(invoke(id, 0), id, acknowledged, failed);
			}
			// One more, slower, with the spin-down at a random point of it: before it is taken, while it runs
			// (within the grace period or past it), or after its answer.
			String id = "e" + (next++);
			CompletableFuture<InvokeResult> last = CompletableFuture.supplyAsync(() -> invoke(id, random.nextInt(300)));
			Thread.sleep(random.nextInt(150));
			if (!last.isDone()) {
				inFlightAtSpinDown++;
			}
			this.emulator.shutdown();
			record(last.get(60, TimeUnit.SECONDS), id, acknowledged, failed);
		}
		this.emulator.shutdown();
		List<String> written = SinkFiles.ids(this.sink);
		assertThat(written).as(printed()).containsAll(acknowledged);
		assertThat(partials()).isZero();
		System.out.printf("%d spin-downs, %d invocations: %d acknowledged, all %d in the sink (%d records written, "
				+ "%d duplicates); reported as failed: %s; %d spin-downs came with the last invocation unanswered%n",
				SPINDOWNS, next, acknowledged.size(), acknowledged.size(), written.size(),
				written.size() - new HashSet<>(written).size(), failed, inFlightAtSpinDown);
		List<Integer> closes = Pattern.compile("Shut down in (\\d+) ms")
			.matcher(printed())
			.results()
			.map((result) -> Integer.parseInt(result.group(1)))
			.sorted()
			.toList();
		assertThat(closes).hasSizeGreaterThanOrEqualTo(SPINDOWNS);
		assertThat(printed()).doesNotContain("did not end within 500 ms");
		System.out.printf("%d SIGTERMs, each shut down within the budget: median %d ms, max %d ms%n", closes.size(),
				closes.get(closes.size() / 2), closes.get(closes.size() - 1));
	}

	private ProcessEmulator start(boolean shutdownEnabled) {
		String java = ProcessHandle.current().info().command().orElse("java");
		List<String> args = new ArrayList<>(List.of("--port", "0", "--timeout", "30s", "--init-timeout",
				SampleProcess.INIT_LIMIT.toSeconds() + "s", "--", "env",
				"SPRING_CLOUD_FUNCTION_DEFINITION=buffer", "SAMPLE_BUFFER_DIRECTORY=" + this.sink,
				"SAMPLE_BUFFER_CHUNK_SIZE=10", "LAMBDA_RUNTIME_SHUTDOWN_ENABLED=" + shutdownEnabled, java));
		args.addAll(SampleProcess.QUICK_START);
		args.addAll(List.of("-jar", JAR.toString()));
		assertThat(JAR).exists();
		return ProcessEmulator.start(args, this.taskRoot,
				new PrintStream(this.output, true, StandardCharsets.UTF_8));
	}

	private List<String> send(int count, String prefix) {
		List<String> sent = new ArrayList<>();
		for (int i = 1; i <= count; i++) {
			String id = prefix + "-" + i;
			InvokeResult result = invoke(id, 0);
			assertThat(result.functionError()).as(result.payloadAsString()).isNull();
			sent.add(id);
		}
		return sent;
	}

	private InvokeResult invoke(String id, int workMs) {
		return this.emulator.invoke(InvokeRequest
			.of("{\"id\":\"" + id + "\",\"data\":\"frame " + id + "\",\"workMs\":" + workMs + "}"));
	}

	private static void record(InvokeResult result, String id, Set<String> acknowledged,
			Map<String, Integer> failed) {
		if (result.functionError() == null) {
			acknowledged.add(id);
		}
		else {
			// Only reported failures, never a half answer: each is Lambda's error JSON with its type.
			Matcher type = ERROR_TYPE.matcher(result.payloadAsString());
			assertThat(type.find()).as(result.payloadAsString()).isTrue();
			failed.merge(type.group(1), 1, Integer::sum);
		}
	}

	private long partials() throws Exception {
		try (Stream<Path> files = Files.list(this.sink)) {
			return files.filter((file) -> file.getFileName().toString().endsWith(".partial")).count();
		}
	}

	private String printed() {
		return this.output.toString(StandardCharsets.UTF_8);
	}

}
