package dev.lambdaruntime.emulator.process;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.OptionalInt;

/**
 * What {@code EmulatorCommand} runs: reads the command line, starts the emulator around the bootstrap in the
 * background, and says how to invoke it.
 */
public final class ProcessMode {

	private ProcessMode() {
	}

	/**
	 * Starts the emulator in the background and returns, or prints the help, or reports bad arguments.
	 * @param args the command line
	 * @param out where the runtime's output and Lambda's log lines go
	 * @param err where usage errors go
	 * @return empty when the emulator runs; else the status to exit with: 0 after the help, 2 for bad arguments, 1
	 * when the port cannot be bound
	 */
	public static OptionalInt start(String[] args, PrintStream out, PrintStream err) {
		if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
			out.print(CommandLine.USAGE);
			return OptionalInt.of(0);
		}
		CommandLine commandLine;
		try {
			commandLine = CommandLine.parse(args);
		}
		catch (IllegalArgumentException ex) {
			err.println("Error: " + ex.getMessage());
			err.println();
			err.print(CommandLine.USAGE);
			return OptionalInt.of(2);
		}
		ProcessEmulator emulator;
		try {
			emulator = new ProcessEmulator(commandLine, Path.of("").toAbsolutePath(), out).start();
		}
		catch (UncheckedIOException ex) {
			err.println("Error: " + ex.getMessage());
			return OptionalInt.of(1);
		}
		Runtime.getRuntime().addShutdownHook(new Thread(emulator::close, "lambda-emulator-shutdown"));
		String url = "http://" + emulator.runtimeApi() + "/2015-03-31/functions/" + commandLine.functionName()
				+ "/invocations";
		out.println("Lambda emulator: function '" + commandLine.functionName() + "' on http://"
				+ emulator.runtimeApi() + "; the runtime " + commandLine.command() + " starts on the first invoke.");
		out.println("Invoke it with: curl -d '{}' " + url);
		if (!commandLine.faults().isEmpty()) {
			out.println("Injecting faults (seed " + commandLine.faultSeed() + "): " + commandLine.faults());
		}
		return OptionalInt.empty();
	}

}
