package dev.lambdaruntime.emulator.process;

import java.io.PrintStream;
import java.nio.file.Path;

import dev.lambdaruntime.emulator.lambda.EmulatorSettings;
import dev.lambdaruntime.emulator.lambda.LocalLambda;
import dev.lambdaruntime.emulator.lambda.ShutdownReason;

/**
 * An emulator with a real runtime process behind it: process mode, as the command line starts it.
 */
final class ProcessEmulator implements AutoCloseable {

	private final LocalLambda lambda;

	private final RuntimeSupervisor supervisor;

	ProcessEmulator(CommandLine commandLine, Path taskRoot, PrintStream out) {
		EmulatorSettings settings = commandLine.settings();
		this.supervisor = new RuntimeSupervisor(settings, commandLine.command(), commandLine.handler(), taskRoot, out,
				commandLine.idleShutdown());
		this.lambda = new LocalLambda(settings, this.supervisor, this.supervisor.log());
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

	/**
	 * Spins the environment down now, as Lambda does when it is idle.
	 * @return whether the runtime got SIGTERM
	 */
	boolean shutdown() {
		return this.lambda.shutdown(ShutdownReason.SPINDOWN);
	}

	/**
	 * Stops: a live runtime first goes through the shutdown phase, as when Lambda reclaims the environment.
	 */
	@Override
	public void close() {
		if (this.supervisor.alive()) {
			this.lambda.shutdown(ShutdownReason.SPINDOWN);
		}
		this.lambda.close();
		this.supervisor.close();
	}

}
