package dev.lambdaruntime.maven;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Runs a build step's command to its end, its output in a log file; a failure says what ran and shows the log's end.
 */
final class ProcessRunner {

	private static final int TAIL_LINES = 40;

	private final Path logs;

	ProcessRunner(Path logs) {
		this.logs = logs;
	}

	/**
	 * Runs a command.
	 * @param name the step, which names its log file ({@code NAME.log})
	 * @param command the command
	 * @param directory the working directory
	 * @param environment variables to set on top of this process's environment
	 * @return the command's output
	 * @throws IllegalStateException when it exits non-zero
	 */
	String run(String name, List<String> command, Path directory, Map<String, String> environment)
			throws IOException {
		Files.createDirectories(this.logs);
		Path log = this.logs.resolve(name + ".log");
		ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile());
		builder.environment().putAll(environment);
		Process process = builder.start();
		int status;
		try {
			status = process.waitFor();
		}
		catch (InterruptedException ex) {
			process.destroyForcibly();
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while running " + name, ex);
		}
		String output = Files.readString(log, StandardCharsets.UTF_8);
		if (status != 0) {
			throw new IllegalStateException(name + " failed (exit status " + status + "): " + String.join(" ", command)
					+ "\n" + tail(output) + "\n(whole log: " + log + ")");
		}
		return output;
	}

	String run(String name, List<String> command, Path directory) throws IOException {
		return run(name, command, directory, Map.of());
	}

	static String tail(String output) {
		List<String> lines = output.lines().toList();
		return String.join("\n", lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size()));
	}

}
