package dev.lambdaruntime.sample;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import dev.lambdaruntime.emulator.InvokeResult;
import dev.lambdaruntime.emulator.LambdaEmulator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged jar as a process serving {@code greet} through the emulator, a share of failures among the
 * invocations and payloads from 0 B to 1 MB, sampled from outside: threads and file descriptors stay flat after
 * warm-up. Short in verify; benchmarks/reliability.sh runs a million invocations and samples the heap after GC too,
 * writing the samples to {@code target/soak-<workers>.md}.
 */
class SoakIT {

	private static final long INVOCATIONS = Long.getLong("reliability.soak.invocations", 5_000);

	private static final int SAMPLES = Integer.getInteger("reliability.soak.samples", 10);

	private static final boolean HEAP = Boolean.getBoolean("reliability.soak.heap");

	/** Names from 0 B to 1 MB, most small, as real traffic is; every 20th event is not a person at all. */
	private static final int[] NAME_BYTES = { 0, 1, 10, 100, 100, 100, 1000, 1000, 10_000, 100_000, 1_000_000 };

	@ParameterizedTest(name = "{0} worker(s)")
	@ValueSource(ints = { 1, 16 })
	void threadsAndDescriptorsStayFlat(int workers) throws Exception {
		try (LambdaEmulator emulator = LambdaEmulator.builder()
			.timeout(Duration.ofSeconds(60))
			.initTimeout(SampleProcess.INIT_LIMIT)
			.concurrency(workers)
			.recordRuntimeRequests(false)
			.build()
			.start()) {
			// The heap Lambda's 512 MB default would leave room for, so the figures mean something.
			Process process = SampleProcess.start(emulator, "greet",
					Map.of("AWS_LAMBDA_MAX_CONCURRENCY", Integer.toString(workers)),
					new File("target/soak-" + workers + ".log"), List.of("-Xmx384m"));
			try {
				ProcessSampler sampler = new ProcessSampler(process.pid());
				List<ProcessSampler.Sample> samples = new ArrayList<>();
				AtomicLong wrong = new AtomicLong();
				AtomicLong failures = new AtomicLong();
				long perSample = Math.max(1, INVOCATIONS / SAMPLES);
				ExecutorService callers = Executors.newFixedThreadPool(workers * 2);
				try {
					for (long done = 0; done < INVOCATIONS; done += perSample) {
						run(emulator, callers, done, Math.min(perSample, INVOCATIONS - done), wrong, failures);
						samples.add(sampler.sample(done + Math.min(perSample, INVOCATIONS - done), HEAP));
					}
				}
				finally {
					callers.shutdownNow();
				}
				write(workers, samples, failures.get());
				assertThat(wrong.get()).as("invocations that did not get their answer or their error").isZero();
				assertThat(failures.get()).isPositive();
				ProcessSampler.Sample warm = samples.get(0);
				// A leak of one per invocation would show in thousands; a JVM adds and drops a few helper threads.
				assertThat(samples).allSatisfy((sample) -> {
					assertThat(sample.threads()).isLessThanOrEqualTo(warm.threads() + 4);
					assertThat(sample.fds()).isLessThanOrEqualTo(warm.fds() + 4);
				});
			}
			finally {
				process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
	}

	private static void run(LambdaEmulator emulator, ExecutorService callers, long from, long count, AtomicLong wrong,
			AtomicLong failures) throws InterruptedException {
		List<Future<?>> running = new ArrayList<>();
		for (long i = from; i < from + count; i++) {
			long n = i;
			running.add(callers.submit(() -> {
				boolean fail = n % 20 == 7;
				String name = "n".repeat(NAME_BYTES[(int) (n % NAME_BYTES.length)]);
				InvokeResult result = emulator.invoke(fail ? "{\"name\":" : "{\"name\":\"" + name + "\"}");
				boolean right = fail ? "Unhandled".equals(result.functionError())
						: result.functionError() == null && result.payloadAsString()
							.equals("{\"greeting\":\"Hello, " + name.toUpperCase(Locale.ROOT) + "\"}");
				if (!right) {
					wrong.incrementAndGet();
				}
				if (fail) {
					failures.incrementAndGet();
				}
			}));
		}
		for (Future<?> call : running) {
			try {
				call.get();
			}
			catch (ExecutionException ex) {
				wrong.incrementAndGet();
			}
		}
	}

	private static void write(int workers, List<ProcessSampler.Sample> samples, long failures) throws Exception {
		List<String> lines = new ArrayList<>(List.of("Soak: " + workers + " worker(s), " + INVOCATIONS
				+ " invocations, " + failures + " of them failures", "",
				"| invocations | RSS MB | heap after GC MB | threads | fds |", "|---:|---:|---:|---:|---:|"));
		samples.forEach((sample) -> lines.add(sample.row()));
		Files.write(Path.of("target", "soak-" + workers + ".md"), lines, StandardCharsets.UTF_8);
		System.out.println(String.join("\n", lines));
	}

}
