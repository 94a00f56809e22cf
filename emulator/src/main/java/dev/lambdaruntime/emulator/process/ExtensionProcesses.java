package dev.lambdaruntime.emulator.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

/**
 * The external extensions of one environment: the executable files of a directory, started in file-name order before
 * the runtime as Lambda starts those of {@code /opt/extensions}, their output copied to ours, and killed with the
 * environment.
 */
final class ExtensionProcesses {

	private static final long MAX_WAIT_MILLIS = 1000;

	private final List<Path> executables;

	private final Map<String, Process> running = new LinkedHashMap<>();

	private final Map<String, String> notStarted = new LinkedHashMap<>();

	private final List<OutputPump> pumps = new ArrayList<>();

	ExtensionProcesses(@Nullable Path directory) {
		this.executables = (directory != null) ? executables(directory) : List.of();
	}

	/**
	 * The executable regular files of a directory, sorted by file name, as Lambda orders {@code /opt/extensions}.
	 * @param directory the directory
	 * @return the files
	 */
	static List<Path> executables(Path directory) {
		try (Stream<Path> files = Files.list(directory)) {
			return files.filter((file) -> Files.isRegularFile(file) && Files.isExecutable(file))
				.sorted((left, right) -> left.getFileName().toString().compareTo(right.getFileName().toString()))
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not list the extensions in " + directory, ex);
		}
	}

	/**
	 * The file names, which are the names the extensions must register under.
	 * @return the names, in start order
	 */
	List<String> names() {
		return this.executables.stream().map((file) -> file.getFileName().toString()).toList();
	}

	/**
	 * Starts every extension, in order.
	 * @param environment the variables Lambda gives extensions
	 * @param directory the working directory
	 * @param lines where their output goes, line by line
	 * @param exited told of an extension whose process ended, with its name and exit status
	 */
	synchronized void start(Map<String, String> environment, Path directory, Consumer<String> lines,
			BiConsumer<String, String> exited) {
		for (Path executable : this.executables) {
			String name = executable.getFileName().toString();
			ProcessBuilder builder = new ProcessBuilder(executable.toString()).directory(directory.toFile());
			builder.environment().putAll(environment);
			Process process;
			try {
				process = builder.start();
			}
			catch (IOException ex) {
				this.notStarted.put(name, "could not start: " + ex.getMessage());
				continue;
			}
			this.running.put(name, process);
			this.pumps.add(new OutputPump(process.getInputStream(), lines, "lambda-extension-stdout"));
			this.pumps.add(new OutputPump(process.getErrorStream(), lines, "lambda-extension-stderr"));
			process.onExit().thenRun(() -> {
				if (current(name, process)) {
					exited.accept(name, "exit status " + process.exitValue());
				}
			});
		}
	}

	/**
	 * Whether an extension cannot register any more: it did not start, or its process ended.
	 * @param name the extension's name
	 * @return {@code true} when gone
	 */
	synchronized boolean gone(String name) {
		Process process = this.running.get(name);
		return this.notStarted.containsKey(name) || (process != null && !process.isAlive());
	}

	/**
	 * What ended an extension.
	 * @param name the extension's name
	 * @return for example {@code exit status 1}
	 */
	synchronized String exitReason(String name) {
		Process process = this.running.get(name);
		if (process == null) {
			return this.notStarted.getOrDefault(name, "not started");
		}
		return process.isAlive() ? "still running" : "exit status " + process.exitValue();
	}

	/**
	 * SIGKILL to every extension and what it started, as Lambda ends the sandbox, and waits for them to be gone.
	 */
	void killAll() {
		List<Process> processes;
		List<OutputPump> pumps;
		synchronized (this) {
			processes = List.copyOf(this.running.values());
			pumps = List.copyOf(this.pumps);
			this.running.clear();
			this.notStarted.clear();
			this.pumps.clear();
		}
		List<ProcessHandle> killed = new ArrayList<>();
		for (Process process : processes) {
			List<ProcessHandle> children = process.descendants().toList();
			process.destroyForcibly();
			children.forEach(ProcessHandle::destroyForcibly);
			killed.add(process.toHandle());
			killed.addAll(children);
		}
		for (ProcessHandle handle : killed) {
			try {
				handle.onExit().get(MAX_WAIT_MILLIS, TimeUnit.MILLISECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			catch (ExecutionException | TimeoutException ex) {
				// Gone or going: SIGKILL cannot be refused.
			}
		}
		// What they printed on their way out comes before what follows.
		pumps.forEach((pump) -> pump.join(MAX_WAIT_MILLIS));
	}

	private synchronized boolean current(String name, Process process) {
		return this.running.get(name) == process;
	}

}
