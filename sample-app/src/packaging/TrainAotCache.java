import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import dev.lambdaruntime.emulator.InvokeResult;
import dev.lambdaruntime.emulator.LambdaEmulator;

/**
 * Runs a function's bootstrap against the in-process emulator, invokes it, then stops it the way Lambda does
 * (SIGTERM), so a JVM told to write an AOT cache writes it on the way out.
 *
 * <pre>
 * java -cp lambda-runtime-emulator.jar TrainAotCache.java TASK_ROOT FUNCTION PAYLOAD INVOCATIONS [JVM_OPTIONS]
 * </pre>
 *
 * JVM_OPTIONS reach the runtime's JVM as {@code JAVA_TOOL_OPTIONS}: {@code -XX:AOTCacheOutput=app.aot} to train,
 * {@code -XX:AOTMode=on} to prove a cache is used (the JVM refuses to start when it cannot use it).
 */
public final class TrainAotCache {

	private static final Duration STOP_TIMEOUT = Duration.ofMinutes(5);

	public static void main(String[] args) throws Exception {
		Path taskRoot = Path.of(args[0]).toAbsolutePath();
		String function = args[1];
		String payload = args[2];
		int invocations = Integer.parseInt(args[3]);
		String jvmOptions = (args.length > 4) ? args[4] : "";
		String answer = null;
		try (LambdaEmulator emulator = LambdaEmulator.builder().timeout(Duration.ofMinutes(2)).build().start()) {
			Process runtime = start(taskRoot, function, jvmOptions, emulator);
			try {
				for (int i = 0; i < invocations; i++) {
					InvokeResult result = invoke(emulator, payload, runtime);
					answer = new String(result.payload(), StandardCharsets.UTF_8);
					if (result.functionError() != null) {
						throw new IllegalStateException("Invocation " + (i + 1) + " failed: " + answer);
					}
				}
			}
			finally {
				stop(runtime);
			}
		}
		System.out.println("# " + invocations + " invocations of " + function + " answered " + answer);
	}

	private static InvokeResult invoke(LambdaEmulator emulator, String payload, Process runtime) throws Exception {
		// A runtime that dies (a refused cache under -XX:AOTMode=on, a bad class path) fails the build at once,
		// not after the invocation's timeout.
		CompletableFuture<InvokeResult> result = CompletableFuture.supplyAsync(() -> emulator.invoke(payload));
		CompletableFuture<Object> exited = runtime.onExit().thenApply((process) -> process);
		if (CompletableFuture.anyOf(result, exited).get() instanceof InvokeResult answer) {
			return answer;
		}
		throw new IllegalStateException("The runtime exited with status " + runtime.exitValue());
	}

	private static Process start(Path taskRoot, String function, String jvmOptions, LambdaEmulator emulator)
			throws Exception {
		ProcessBuilder builder = new ProcessBuilder(taskRoot.resolve("bootstrap").toString()).directory(taskRoot.toFile())
			.inheritIO();
		Map<String, String> environment = builder.environment();
		// Lambda's environment, not this build's: what the cache sees at training is what it meets on Lambda.
		String path = environment.get("PATH");
		environment.clear();
		environment.put("PATH", path);
		environment.put("LANG", "C.UTF-8");
		environment.put("TZ", ":UTC");
		environment.put("AWS_LAMBDA_RUNTIME_API", emulator.runtimeApi());
		environment.put("AWS_LAMBDA_FUNCTION_NAME", "aot-training");
		environment.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
		environment.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "1024");
		environment.put("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand");
		environment.put("AWS_REGION", "us-east-1");
		environment.put("LAMBDA_TASK_ROOT", taskRoot.toString());
		environment.put("SPRING_CLOUD_FUNCTION_DEFINITION", function);
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
