package dev.lambdaruntime.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.lambdaruntime.maven.fork.TrainingRun;

/**
 * Trains the task root's JDK 25 AOT cache (JEP 483/514) by running its own bootstrap under the emulator, as Lambda
 * would, then proves that the cache travels: a copy elsewhere must start with it.
 */
final class AotCacheTrainer {

	static final String CACHE = "app.aot";

	private final ProcessRunner runner;

	private final Path work;

	/**
	 * A trainer.
	 * @param runner runs the training JVM
	 * @param work where the copy for the check goes
	 */
	AotCacheTrainer(ProcessRunner runner, Path work) {
		this.runner = runner;
		this.work = work;
	}

	/**
	 * Trains {@code taskRoot/app.aot}: the JVM records what the run loads and links, and writes the cache when
	 * SIGTERM ends it.
	 * @param jdk the JDK that runs the emulator
	 * @param taskRoot the task root, bootstrap included
	 * @param training what to invoke
	 * @return what the training run printed last
	 */
	String train(Jdk jdk, Path taskRoot, Training training) throws IOException {
		// No method profiles (JEP 515): they feed C2, which the bootstrap's C1-only JVM never runs; without them the
		// cache, mapped whole at start-up, is smaller.
		String output = run("aot-training", jdk, taskRoot, training, training.invocations(),
				"-XX:AOTCacheOutput=" + CACHE + " -XX:+UnlockDiagnosticVMOptions -XX:-AOTRecordTraining");
		if (!Files.isRegularFile(taskRoot.resolve(CACHE))) {
			throw new IllegalStateException("The training run wrote no " + CACHE + ":\n" + ProcessRunner.tail(output));
		}
		return lastLine(output);
	}

	/**
	 * Runs a copy of the task root in another directory with {@code -XX:AOTMode=on}, which makes an unusable cache a
	 * start-up failure instead of a silent fallback.
	 * @param jdk the JDK that runs the emulator
	 * @param taskRoot the task root, cache included
	 * @param training what to invoke
	 * @return the line where the JVM says it opened the cache
	 */
	String checkTravels(Jdk jdk, Path taskRoot, Training training) throws IOException {
		Path copy = this.work.resolve("aot-check");
		Files.createDirectories(this.work);
		Directories.delete(copy);
		Directories.copy(taskRoot, copy);
		try {
			String output = run("aot-check", jdk, copy, training, Math.min(3, training.invocations()),
					"-XX:AOTMode=on -Xlog:aot");
			return output.lines()
				.filter((line) -> line.contains("Opened AOT cache"))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("A copy of the task root did not open its AOT cache:\n"
						+ ProcessRunner.tail(output)));
		}
		finally {
			Directories.delete(copy);
		}
	}

	private String run(String name, Jdk jdk, Path taskRoot, Training training, int invocations, String jvmOptions)
			throws IOException {
		List<String> command = new ArrayList<>(List.of(jdk.tool("java").toString(), "-cp", ForkClassPath.joined(),
				TrainingRun.class.getName(), taskRoot.toAbsolutePath().toString(), training.function(),
				String.valueOf(invocations), jvmOptions));
		training.events().forEach((event) -> command.add(event.toAbsolutePath().toString()));
		return this.runner.run(name, command, taskRoot);
	}

	private static String lastLine(String output) {
		List<String> lines = output.lines().filter((line) -> line.startsWith("# ")).toList();
		return lines.isEmpty() ? "" : lines.get(lines.size() - 1).substring(2);
	}

	/**
	 * What the training invokes.
	 *
	 * @param function the function definition, or empty for the application's own
	 * @param events event files, invoked in turn; none: the function is only started
	 * @param invocations how many invocations in all, when there are events
	 */
	record Training(String function, List<Path> events, int invocations) {

	}

}
