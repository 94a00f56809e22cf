package dev.lambdaruntime.emulator.process;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.lambdaruntime.emulator.lambda.EmulatorSettings;
import dev.lambdaruntime.emulator.lambda.Invocation;
import dev.lambdaruntime.emulator.lambda.InvocationListener;
import dev.lambdaruntime.emulator.lambda.LocalLambda;
import dev.lambdaruntime.emulator.lambda.Outcome;
import dev.lambdaruntime.emulator.lambda.PlatformLog;
import org.jspecify.annotations.Nullable;

/**
 * The platform in process mode: starts the bootstrap on the first invoke with Lambda's environment, copies its output
 * to ours and into each running invocation's log, writes START/END/REPORT, and kills and restarts it after a timeout
 * or a crash.
 */
final class RuntimeSupervisor implements InvocationListener {

	private static final long QUIET_MILLIS = 5;

	private static final long MAX_WAIT_MILLIS = 100;

	private final EmulatorSettings settings;

	private final List<String> command;

	private final @Nullable String handler;

	private final Path taskRoot;

	private final PlatformLog log;

	private final Set<Invocation> running = ConcurrentHashMap.newKeySet();

	private @Nullable LocalLambda lambda;

	private @Nullable Process process;

	private @Nullable OutputPump stdout;

	private @Nullable OutputPump stderr;

	private long spawnNanos;

	private volatile long readyNanos;

	private volatile long restoredNanos;

	private boolean initReported;

	private boolean killed;

	private boolean closed;

	RuntimeSupervisor(EmulatorSettings settings, List<String> command, @Nullable String handler, Path taskRoot,
			PrintStream out) {
		this.settings = settings;
		this.command = command;
		this.handler = handler;
		this.taskRoot = taskRoot;
		this.log = new PlatformLog(settings, out);
	}

	synchronized void attach(LocalLambda lambda) {
		this.lambda = lambda;
	}

	@Override
	public synchronized void queued(Invocation invocation) {
		if (this.process == null && !this.closed) {
			spawn();
		}
	}

	@Override
	public void runtimeReady() {
		// Called under the broker's lock: no lock here.
		this.readyNanos = System.nanoTime();
	}

	@Override
	public void runtimeRestored() {
		// Called under the broker's lock: no lock here.
		this.restoredNanos = System.nanoTime();
	}

	@Override
	public void started(Invocation invocation) {
		this.log.start(invocation);
		this.running.add(invocation);
	}

	/**
	 * Writes END and REPORT once the runtime's output has caught up; after a timeout of a running invocation, or of
	 * a runtime stuck in init, kills the runtime so the next invoke starts a fresh one.
	 */
	@Override
	public void finished(Invocation invocation, Outcome outcome) {
		OptionalDouble init = OptionalDouble.empty();
		OptionalDouble restore = OptionalDouble.empty();
		OptionalLong memory = OptionalLong.empty();
		Process current;
		boolean stuck;
		synchronized (this) {
			current = this.process;
			stuck = invocation.started() || this.readyNanos <= this.spawnNanos;
			if (invocation.started() && !this.initReported && this.readyNanos > this.spawnNanos) {
				this.initReported = true;
				if (this.restoredNanos > this.readyNanos) {
					// As Lambda reports a restored copy: the restore (after-restore hooks), not the init before it.
					restore = OptionalDouble.of((this.restoredNanos - this.readyNanos) / 1_000_000.0);
				}
				else {
					init = OptionalDouble.of((this.readyNanos - this.spawnNanos) / 1_000_000.0);
				}
			}
			awaitQuiet();
		}
		if (current != null && current.isAlive()) {
			memory = MemoryProbe.maxMemoryMb(current.toHandle());
		}
		this.running.remove(invocation);
		this.log.finish(invocation, outcome, init, restore, memory);
		if (outcome.kind() == Outcome.Kind.TIMEOUT && stuck && current != null) {
			kill(current);
		}
	}

	/**
	 * Stops the runtime for good.
	 */
	void close() {
		Process current;
		synchronized (this) {
			this.closed = true;
			current = this.process;
		}
		if (current != null) {
			kill(current);
		}
	}

	private void spawn() {
		LocalLambda lambda = this.lambda;
		ProcessBuilder builder = new ProcessBuilder(this.command).directory(this.taskRoot.toFile());
		builder.environment()
			.putAll(RuntimeEnvironment.of(this.settings, lambda.runtimeApi(), this.taskRoot, this.handler));
		this.spawnNanos = System.nanoTime();
		this.readyNanos = 0;
		this.restoredNanos = 0;
		this.initReported = false;
		this.killed = false;
		Process started;
		try {
			started = builder.start();
		}
		catch (IOException ex) {
			this.log.echo("Could not start the runtime " + this.command + ": " + ex.getMessage());
			lambda.runtimeExited("could not start: " + ex.getMessage());
			return;
		}
		this.process = started;
		this.stdout = new OutputPump(started.getInputStream(), this::output, "lambda-runtime-stdout");
		this.stderr = new OutputPump(started.getErrorStream(), this::output, "lambda-runtime-stderr");
		started.onExit().thenRun(() -> exited(started));
	}

	private void exited(Process exited) {
		boolean queued;
		synchronized (this) {
			if (exited != this.process) {
				return;
			}
			this.stdout.join(MAX_WAIT_MILLIS);
			this.stderr.join(MAX_WAIT_MILLIS);
			this.process = null;
			String reason = this.killed ? "signal: killed" : "exit status " + exited.exitValue();
			queued = this.lambda.runtimeExited(reason);
			if (queued && !this.closed) {
				spawn();
			}
		}
	}

	private void output(String line) {
		this.log.echo(line);
		this.running.forEach((invocation) -> invocation.log().append(line));
	}

	private void awaitQuiet() {
		if (this.stdout != null && this.stderr != null) {
			this.stdout.awaitQuiet(QUIET_MILLIS, MAX_WAIT_MILLIS);
			this.stderr.awaitQuiet(QUIET_MILLIS, MAX_WAIT_MILLIS);
		}
	}

	private void kill(Process target) {
		synchronized (this) {
			if (target == this.process) {
				this.killed = true;
			}
		}
		target.descendants().forEach(ProcessHandle::destroyForcibly);
		target.destroyForcibly();
	}

}
