package dev.lambdaruntime.maven.fork;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import dev.lambdaruntime.emulator.InvokeResult;
import dev.lambdaruntime.emulator.LambdaEmulator;

/**
 * Runs a task root's bootstrap against an in-process emulator with Lambda's environment, invokes it with the given
 * events (or only waits until it asks for the first one), then stops it the way Lambda does (SIGTERM), so a JVM told
 * to write an AOT cache writes it on the way out. Run in a forked JVM by the plugin:
 *
 * <pre>
 * java -cp plugin.jar:emulator.jar dev.lambdaruntime.maven.fork.TrainingRun TASK_ROOT FUNCTION INVOCATIONS JVM_OPTIONS [EVENT_FILE...]
 * </pre>
 *
 * FUNCTION may be empty (the application's own {@code spring.cloud.function.definition} then applies). JVM_OPTIONS
 * reach the runtime's JVM as {@code JAVA_TOOL_OPTIONS}.
 */
public final class TrainingRun {

	private static final Duration START_TIMEOUT = Duration.ofMinutes(2);

	private static final Duration STOP_TIMEOUT = Duration.ofMinutes(5);

	private static final String NEXT = "/runtime/invocation/next";

	private TrainingRun() {
	}

	public static void main(String[] args) throws Exception {
		Path taskRoot = Path.of(args[0]).toAbsolutePath();
		String function = args[1];
		int invocations = Integer.parseInt(args[2]);
		String jvmOptions = args[3];
		List<String> events = new ArrayList<>();
		for (int i = 4; i < args.length; i++) {
			events.add(Files.readString(Path.of(args[i])));
		}
		// A training run's start (recording a cache) may outlast Lambda's 10 s init limit: it has the start's time.
		try (LambdaEmulator emulator = LambdaEmulator.builder()
			.timeout(START_TIMEOUT)
			.initTimeout(START_TIMEOUT)
			.build()
			.start()) {
			Process runtime = start(taskRoot, function, jvmOptions, emulator);
			try {
				if (events.isEmpty()) {
					awaitFirstNext(emulator, runtime);
					System.out.println("# started and asked for its first event (no training events given)");
				}
				else {
					String answer = null;
					for (int i = 0; i < invocations; i++) {
						answer = invoke(emulator, events.get(i % events.size()), runtime, i + 1);
					}
					System.out.println("# " + invocations + " invocations of " + events.size() + " event(s) answered "
							+ "(the last: " + answer + ")");
				}
			}
			finally {
				stop(runtime);
			}
		}
	}

	private static void awaitFirstNext(LambdaEmulator emulator, Process runtime) {
		long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
		while (System.nanoTime() < deadline) {
			// var: the recorded request's type is not among the emulator's public API this plugin builds on.
			var request = emulator.takeRuntimeRequest(Duration.ofMillis(200));
			if (request != null && request.path().endsWith(NEXT)) {
				return;
			}
			emulator.initError().ifPresent((error) -> {
				throw new IllegalStateException("The function failed to start: " + error);
			});
			if (!runtime.isAlive()) {
				throw new IllegalStateException("The runtime exited with status " + runtime.exitValue());
			}
		}
		throw new IllegalStateException("The runtime did not ask for an event within " + START_TIMEOUT);
	}

	private static String invoke(LambdaEmulator emulator, String event, Process runtime, int number)
			throws Exception {
		// A runtime that dies (a refused cache under -XX:AOTMode=on, a bad class path) fails at once, not after the
		// invocation's timeout.
		CompletableFuture<InvokeResult> result = CompletableFuture.supplyAsync(() -> emulator.invoke(event));
		CompletableFuture<Process> exited = runtime.onExit();
		if (CompletableFuture.anyOf(result, exited).get() instanceof InvokeResult answer) {
			if (answer.functionError() != null) {
				throw new IllegalStateException("Invocation " + number + " failed: " + answer.payloadAsString());
			}
			return answer.payloadAsString();
		}
		throw new IllegalStateException("The runtime exited with status " + runtime.exitValue());
	}

	private static Process start(Path taskRoot, String function, String jvmOptions, LambdaEmulator emulator)
			throws Exception {
		ProcessBuilder builder = new ProcessBuilder(taskRoot.resolve("bootstrap").toString())
			.directory(taskRoot.toFile())
			.inheritIO();
		Map<String, String> environment = builder.environment();
		// Lambda's environment, not the build's: what the cache sees at training is what it meets on Lambda.
		String path = environment.get("PATH");
		environment.clear();
		environment.put("PATH", path);
		environment.put("LANG", "C.UTF-8");
		environment.putAll(RuntimeVariables.of(emulator.runtimeApi(), "aot-training", taskRoot));
		if (!function.isBlank()) {
			environment.put("SPRING_CLOUD_FUNCTION_DEFINITION", function);
		}
		if (!jvmOptions.isBlank()) {
			environment.put("JAVA_TOOL_OPTIONS", jvmOptions);
		}
		return builder.start();
	}

	private static void stop(Process runtime) throws Exception {
		// SIGTERM, as Lambda sends at shutdown: the JVM exits through its normal path and writes the cache.
		runtime.destroy();
		if (!runtime.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
			runtime.destroyForcibly();
			throw new IllegalStateException("The runtime did not stop within " + STOP_TIMEOUT);
		}
	}

}
