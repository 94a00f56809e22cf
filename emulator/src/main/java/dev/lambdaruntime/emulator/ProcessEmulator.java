package dev.lambdaruntime.emulator;

import java.io.PrintStream;
import java.nio.file.Path;

/**
 * An emulator with a real runtime process behind it: process mode, as the command line starts it.
 */
final class ProcessEmulator implements AutoCloseable {

	private final LambdaEmulator emulator;

	private final RuntimeSupervisor supervisor;

	ProcessEmulator(CommandLine commandLine, Path taskRoot, PrintStream out) {
		RuntimeSupervisor[] supervisor = new RuntimeSupervisor[1];
		this.emulator = commandLine.emulator().platform((settings) -> {
			supervisor[0] = new RuntimeSupervisor(settings, commandLine.command(), commandLine.handler(), taskRoot,
					out);
			return supervisor[0];
		}).build();
		this.supervisor = supervisor[0];
		this.supervisor.attach(this.emulator);
	}

	ProcessEmulator start() {
		this.emulator.start();
		return this;
	}

	LambdaEmulator emulator() {
		return this.emulator;
	}

	@Override
	public void close() {
		this.emulator.close();
		this.supervisor.close();
	}

}
