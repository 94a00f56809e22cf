package dev.lambdaruntime.sample;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.lambdaruntime.emulator.LambdaEmulator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Starts the packaged {@code sample-app.jar} the way Lambda starts a custom runtime, against an emulator.
 */
final class SampleProcess {

	static final Path JAR = Path.of("target", "sample-app.jar");

	/**
	 * JVM options for a runtime whose start-up is not what a test measures: C1 only and the serial collector, as the
	 * Maven plugin's bootstrap runs on Lambda; a cold start takes about 60% of the default's on 2 cores.
	 */
	/**
	 * The init limit for the emulators these tests start processes under: a cold start on a loaded machine may
	 * outlast Lambda's 10 s, and the limit is not what they test.
	 */
	static final Duration INIT_LIMIT = Duration.ofSeconds(60);

	static final List<String> QUICK_START = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

	private SampleProcess() {
	}

	static Process start(LambdaEmulator emulator, String function, Map<String, String> variables, File log,
			List<String> jvmOptions) throws IOException {
		assertThat(JAR).exists();
		String java = ProcessHandle.current().info().command().orElse("java");
		List<String> command = new ArrayList<>(List.of(java));
		command.addAll(jvmOptions);
		command.addAll(List.of("-jar", JAR.toString()));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log);
		Map<String, String> environment = builder.environment();
		environment.putAll(variables);
		environment.put("AWS_LAMBDA_RUNTIME_API", emulator.runtimeApi());
		environment.put("SPRING_CLOUD_FUNCTION_DEFINITION", function);
		environment.put("AWS_LAMBDA_FUNCTION_NAME", "sample");
		return builder.start();
	}

}
