package dev.lambdaruntime.maven;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What the {@code run} goal prints once the application started: how to invoke it, and how to stop it.
 */
final class InvokeLines {

	private final int port;

	private final Path project;

	private final Path workingDirectory;

	/**
	 * Lines for a run.
	 * @param port the emulator's port
	 * @param project the project's directory, which event files are relative to
	 * @param workingDirectory where the user ran Maven, which the printed file paths are relative to
	 */
	InvokeLines(int port, Path project, Path workingDirectory) {
		this.port = port;
		this.project = project;
		this.workingDirectory = workingDirectory;
	}

	/**
	 * The lines.
	 * @param function the function definition, or empty when the application's own applies
	 * @param events sample events by function name: JSON, or {@code @path} to a file
	 * @return the lines
	 */
	List<String> lines(String function, Map<String, String> events) {
		String event = events.getOrDefault(function, "{}").trim();
		String data = event.startsWith("@") ? "@" + file(event.substring(1).trim()) : quote(event);
		String who = function.isBlank() ? "The application's function is" : "Function '" + function + "' is";
		return List.of(who + " running on a local Lambda emulator. Invoke it with:",
				"  curl -d " + data + " http://localhost:" + this.port + "/2015-03-31/functions/function/invocations",
				"Stop with Ctrl+C.");
	}

	private String file(String path) {
		Path file = this.project.resolve(path).toAbsolutePath().normalize();
		Path relative = this.workingDirectory.toAbsolutePath().normalize().relativize(file);
		return relative.toString().startsWith("..") ? file.toString() : relative.toString();
	}

	/** Single-quoted for a POSIX shell. */
	static String quote(String text) {
		return "'" + text.replace("'", "'\\''") + "'";
	}

}
