package dev.lambdaruntime.benchmarks.harness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One contender's process under the measuring server: spawned with Lambda's environment, timed from spawn to its
 * first poll, then fed the same event again and again.
 */
final class Trial implements AutoCloseable {

	static final byte[] GREET_EVENT = ascii("{\"name\":\"lambda\"}");

	static final byte[] GREET_ANSWER = ascii("{\"greeting\":\"Hello, LAMBDA\"}");

	private static final long ANSWER_TIMEOUT_SECONDS = 60;

	private final Options options;

	private final RuntimeApiServer server;

	private final Process process;

	private final long spawnNanos;

	private final Path log;

	private Trial(Options options, RuntimeApiServer server, Process process, long spawnNanos, Path log) {
		this.options = options;
		this.server = server;
		this.process = process;
		this.spawnNanos = spawnNanos;
		this.log = log;
	}

	/**
	 * Starts a contender's process against a new server.
	 * @param options the options
	 * @param contender the contender
	 * @param function {@code greet} or {@code slow}
	 * @param concurrency the {@code AWS_LAMBDA_MAX_CONCURRENCY}, or {@code 0} to leave it unset
	 * @param log where the process's output goes
	 * @return the trial, its clock started at the spawn
	 * @throws IOException when the process cannot start
	 */
	static Trial start(Options options, Contender contender, String function, int concurrency, Path log)
			throws IOException {
		RuntimeApiServer server = new RuntimeApiServer();
		ProcessBuilder builder = new ProcessBuilder(contender.command()).directory(
				contender.workingDirectory().toFile())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile());
		Map<String, String> environment = builder.environment();
		String path = environment.get("PATH");
		environment.clear();
		environment.put("PATH", path);
		environment.put("LANG", "C.UTF-8");
		environment.put("TZ", ":UTC");
		environment.put("AWS_LAMBDA_RUNTIME_API", server.endpoint());
		environment.put("AWS_LAMBDA_FUNCTION_NAME", "benchmark-" + function);
		environment.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
		environment.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", String.valueOf(memory(options)));
		environment.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/benchmark-" + function);
		environment.put("AWS_LAMBDA_LOG_STREAM_NAME", "2026/01/01/[$LATEST]0123456789abcdef");
		environment.put("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand");
		environment.put("AWS_REGION", "us-east-1");
		environment.put("AWS_DEFAULT_REGION", "us-east-1");
		environment.put("LAMBDA_TASK_ROOT", contender.workingDirectory().toString());
		environment.put("_HANDLER", function);
		if (concurrency > 0) {
			environment.put("AWS_LAMBDA_MAX_CONCURRENCY", String.valueOf(concurrency));
		}
		String toolOptions = javaToolOptions(options);
		if (!toolOptions.isEmpty()) {
			environment.put("JAVA_TOOL_OPTIONS", toolOptions);
		}
		environment.putAll(contender.environment().apply(function));
		long spawnNanos = System.nanoTime();
		Process process;
		try {
			process = builder.start();
		}
		catch (IOException ex) {
			server.close();
			throw ex;
		}
		return new Trial(options, server, process, spawnNanos, log);
	}

	private static int memory(Options options) {
		return (options.memory > 0) ? options.memory : 1024;
	}

	/** Below this much memory the JVM does not consider its machine server class, and defaults to Serial GC. */
	private static final int SERVER_CLASS_MEMORY_MB = 1792;

	static String javaToolOptions(Options options) {
		StringBuilder toolOptions = new StringBuilder();
		if (options.memory > 0) {
			// Lambda runs the JVM in a container of that size. MaxRAM gives it the same heap sizing, but the JVM's
			// server-class check reads the machine's memory, not MaxRAM: under a container below 1792 MB the JVM
			// picks Serial GC, so say so, or every contender pays G1's bookkeeping that it would not pay on Lambda.
			toolOptions.append("-XX:MaxRAM=").append(options.memory).append('m');
			if (options.memory < SERVER_CLASS_MEMORY_MB) {
				toolOptions.append(" -XX:+UseSerialGC");
			}
		}
		for (String arg : options.jvmArgs) {
			toolOptions.append((toolOptions.length() > 0) ? " " : "").append(arg);
		}
		return toolOptions.toString();
	}

	/**
	 * Measures the greet run: start-up, the first invocation, warm latency, throughput and peak RSS.
	 * @param result where the figures go
	 * @throws Exception when the runtime fails, answers wrongly, or times out
	 */
	void measureGreet(TrialResult result) throws Exception {
		try (RssSampler rss = new RssSampler(this.process.toHandle())) {
			long firstPoll = awaitFirstPoll();
			result.put(Metric.STARTUP, millis(firstPoll - this.spawnNanos));
			PendingInvocation first = invoke(GREET_EVENT, GREET_ANSWER);
			result.put(Metric.FIRST_INVOCATION, millis(first.latencyNanos()));
			result.put(Metric.COLD_TOTAL, millis(first.answeredNanos() - this.spawnNanos));
			for (int i = 0; i < this.options.warmup; i++) {
				invoke(GREET_EVENT, GREET_ANSWER);
			}
			long[] latencies = new long[this.options.invocations];
			for (int i = 0; i < latencies.length; i++) {
				latencies[i] = invoke(GREET_EVENT, GREET_ANSWER).latencyNanos();
			}
			Arrays.sort(latencies);
			result.put(Metric.WARM_P50, micros(percentile(latencies, 50)));
			result.put(Metric.WARM_P99, micros(percentile(latencies, 99)));
			result.put(Metric.THROUGHPUT, rate(this.options.throughput, this.options.throughput, GREET_EVENT,
					GREET_ANSWER));
			result.put(Metric.PEAK_RSS, rss.stop() / 1024.0);
		}
	}

	/**
	 * Measures the slow function one at a time, then up to the concurrency limit at a time.
	 * @param result where the figures go
	 * @throws Exception when the runtime fails, answers wrongly, or times out
	 */
	void measureConcurrency(TrialResult result) throws Exception {
		int concurrency = this.options.concurrency;
		byte[] event = ascii("{\"ms\":" + this.options.slowMillis + "}");
		byte[] answer = ascii("{\"slept\":" + this.options.slowMillis + "}");
		awaitFirstPoll();
		// Warm-up: every worker takes part once, so lazily started workers are up.
		rate(concurrency, concurrency, event, answer);
		double single = rate(this.options.slowSingle, 1, event, answer);
		double concurrent = rate(this.options.slowRounds * concurrency, concurrency, event, answer);
		result.put(Metric.SLOW_SINGLE, single);
		result.put(Metric.SLOW_CONCURRENT, concurrent);
		result.put(Metric.CONCURRENCY_GAIN, concurrent / single);
	}

	private long awaitFirstPoll() throws Exception {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(this.options.startTimeoutSeconds);
		while (System.nanoTime() < deadline) {
			long firstPoll = this.server.awaitFirstPoll(20);
			if (firstPoll > 0) {
				return firstPoll;
			}
			checkHealthy();
		}
		throw new IllegalStateException("no GET /next within " + this.options.startTimeoutSeconds + " s");
	}

	private PendingInvocation invoke(byte[] event, byte[] answer) throws Exception {
		PendingInvocation invocation = this.server.submit(event, answer, (done) -> {
		});
		await(invocation);
		return invocation;
	}

	/**
	 * Runs a batch with at most {@code inFlight} invocations out at a time.
	 * @return invocations per second, from the first submission to the last answer
	 */
	private double rate(int count, int inFlight, byte[] event, byte[] answer) throws Exception {
		Semaphore permits = new Semaphore(inFlight);
		CountDownLatch done = new CountDownLatch(count);
		AtomicLong lastAnswer = new AtomicLong();
		long start = System.nanoTime();
		for (int i = 0; i < count; i++) {
			while (!permits.tryAcquire(100, TimeUnit.MILLISECONDS)) {
				checkHealthy();
			}
			this.server.submit(event, answer, (invocation) -> {
				lastAnswer.accumulateAndGet(invocation.answeredNanos(), Math::max);
				permits.release();
				done.countDown();
			});
		}
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(ANSWER_TIMEOUT_SECONDS);
		while (!done.await(100, TimeUnit.MILLISECONDS)) {
			checkHealthy();
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("batch of " + count + " not answered within "
						+ ANSWER_TIMEOUT_SECONDS + " s (" + done.getCount() + " left)");
			}
		}
		checkHealthy();
		long end = Math.max(lastAnswer.get(), start);
		return count / ((end - start) / 1e9);
	}

	private void await(PendingInvocation invocation) throws Exception {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(ANSWER_TIMEOUT_SECONDS);
		while (!invocation.await(1)) {
			checkHealthy();
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("invocation " + invocation.requestId() + " not answered within "
						+ ANSWER_TIMEOUT_SECONDS + " s");
			}
		}
		if (invocation.problem() != null) {
			throw new IllegalStateException(invocation.problem());
		}
	}

	private void checkHealthy() throws IOException {
		String problem = this.server.problem();
		if (problem != null) {
			throw new IllegalStateException(problem);
		}
		if (!this.process.isAlive()) {
			throw new IllegalStateException("process exited with " + this.process.exitValue() + "; log tail:\n"
					+ tail());
		}
	}

	String tail() throws IOException {
		List<String> lines = Files.readAllLines(this.log, StandardCharsets.UTF_8);
		return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
	}

	@Override
	public void close() {
		this.process.descendants().forEach(ProcessHandle::destroy);
		this.process.destroy();
		try {
			if (!this.process.waitFor(5, TimeUnit.SECONDS)) {
				this.process.descendants().forEach(ProcessHandle::destroyForcibly);
				this.process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		finally {
			this.server.close();
		}
	}

	static long percentile(long[] sorted, int percent) {
		int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
	}

	private static double millis(long nanos) {
		return nanos / 1e6;
	}

	private static double micros(long nanos) {
		return nanos / 1e3;
	}

	private static byte[] ascii(String text) {
		return text.getBytes(StandardCharsets.US_ASCII);
	}

}
