package dev.lambdaruntime.emulator.process;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import dev.lambdaruntime.emulator.InvokeRequest;
import dev.lambdaruntime.emulator.InvokeResult;
import dev.lambdaruntime.emulator.lambda.EmulatorSettings;
import dev.lambdaruntime.emulator.lambda.LocalLambda;
import dev.lambdaruntime.emulator.lambda.ShutdownReason;

/**
 * An emulator with a real runtime process behind it: process mode, as the command line starts it. Internal: public
 * for this project's own end-to-end tests, which spin environments down at will.
 */
public final class ProcessEmulator implements AutoCloseable {

	private final LocalLambda lambda;

	private final RuntimeSupervisor supervisor;

	ProcessEmulator(CommandLine commandLine, Path taskRoot, PrintStream out) {
		ExtensionProcesses extensions = new ExtensionProcesses(commandLine.extensions());
		EmulatorSettings settings = commandLine.settings(Set.copyOf(extensions.names()));
		this.supervisor = new RuntimeSupervisor(settings, commandLine.command(), commandLine.handler(), taskRoot, out,
				commandLine.idleShutdown(), extensions);
		this.lambda = new LocalLambda(settings, this.supervisor, this.supervisor.log());
		this.lambda.faults().seed(commandLine.faultSeed());
		commandLine.faults().forEach((rule) -> rule.applyTo(this.lambda.faults()));
		this.supervisor.attach(this.lambda);
	}

	/**
	 * Starts an emulator in the background, as {@code EmulatorCommand} would with these arguments.
	 * @param args the command line: options, {@code --}, the bootstrap and its arguments
	 * @param taskRoot the runtime's working directory
	 * @param out where the runtime's output and the platform's lines go
	 * @return the started emulator
	 * @throws IllegalArgumentException when the arguments are wrong
	 */
	public static ProcessEmulator start(List<String> args, Path taskRoot, PrintStream out) {
		return new ProcessEmulator(CommandLine.parse(args.toArray(String[]::new)), taskRoot, out).start();
	}

	ProcessEmulator start() {
		this.lambda.start();
		return this;
	}

	/**
	 * Invokes the function, starting the runtime if none runs.
	 * @param request the request
	 * @return the result
	 */
	public InvokeResult invoke(InvokeRequest request) {
		return this.lambda.invoke(request);
	}

	/**
	 * The address the runtime gets as {@code AWS_LAMBDA_RUNTIME_API}.
	 * @return {@code host:port}
	 */
	public String runtimeApi() {
		return this.lambda.runtimeApi();
	}

	int port() {
		return this.lambda.port();
	}

	/**
	 * Spins the environment down now, as Lambda does when it is idle.
	 * @return whether the runtime got SIGTERM
	 */
	public boolean shutdown() {
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
