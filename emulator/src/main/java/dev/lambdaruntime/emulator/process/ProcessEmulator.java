package dev.lambdaruntime.emulator.process;

import java.io.PrintStream;
import java.nio.file.Path;

import dev.lambdaruntime.emulator.lambda.EmulatorSettings;
import dev.lambdaruntime.emulator.lambda.LocalLambda;

/**
 * An emulator with a real runtime process behind it: process mode, as the command line starts it.
 */
final class ProcessEmulator implements AutoCloseable {

	private final LocalLambda lambda;

	private final RuntimeSupervisor supervisor;

	ProcessEmulator(CommandLine commandLine, Path taskRoot, PrintStream out) {
		EmulatorSettings settings = commandLine.settings();
		this.supervisor = new RuntimeSupervisor(settings, commandLine.command(), commandLine.handler(), taskRoot, out);
		this.lambda = new LocalLambda(settings, this.supervisor);
		this.lambda.faults().seed(commandLine.faultSeed());
		commandLine.faults().forEach((rule) -> rule.applyTo(this.lambda.faults()));
		this.supervisor.attach(this.lambda);
	}

	ProcessEmulator start() {
		this.lambda.start();
		return this;
	}

	String runtimeApi() {
		return this.lambda.runtimeApi();
	}

	int port() {
		return this.lambda.port();
	}

	@Override
	public void close() {
		this.lambda.close();
		this.supervisor.close();
	}

}
