package dev.lambdaruntime.emulator.process;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import dev.lambdaruntime.emulator.lambda.EmulatorSettings;
import dev.lambdaruntime.emulator.lambda.Invocation;
import dev.lambdaruntime.emulator.lambda.InvocationListener;
import dev.lambdaruntime.emulator.lambda.LocalLambda;
import dev.lambdaruntime.emulator.lambda.Outcome;
import dev.lambdaruntime.emulator.lambda.PlatformLog;
import dev.lambdaruntime.emulator.lambda.ShutdownReason;
import org.jspecify.annotations.Nullable;

/**
 * The platform in process mode: starts the external extensions and then the bootstrap on the first invoke with
 * Lambda's environment, copies their output to ours and into each running invocation's log, writes START/END/REPORT,
 * signals the runtime at shutdown (SIGTERM, SIGKILL) and kills the extensions with the environment, resets the
 * environment after a timeout or a crash, and spins it down when idle if asked to.
 */
final class RuntimeSupervisor implements InvocationListener {

	private static final long QUIET_MILLIS = 5;

	private static final long MAX_WAIT_MILLIS = 100;

	private final EmulatorSettings settings;

	private final List<String> command;

	private final @Nullable String handler;

	private final Path taskRoot;

	private final PlatformLog log;

	private final ExtensionProcesses extensions;

	private final Set<Invocation> running = ConcurrentHashMap.newKeySet();

	private final @Nullable Duration idleShutdown;

	private final ScheduledExecutorService idleTimer;

	private @Nullable ScheduledFuture<?> idleCheck;

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

	private volatile boolean shuttingDown;

	RuntimeSupervisor(EmulatorSettings settings, List<String> command, @Nullable String handler, Path taskRoot,
			PrintStream out, @Nullable Duration idleShutdown, ExtensionProcesses extensions) {
		this.settings = settings;
		this.extensions = extensions;
		this.command = command;
		this.handler = handler;
		this.taskRoot = taskRoot;
		this.log = new PlatformLog(settings, out);
		this.idleShutdown = idleShutdown;
		this.idleTimer = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "lambda-emulator-idle");
			thread.setDaemon(true);
			return thread;
		});
	}

	synchronized void attach(LocalLambda lambda) {
		this.lambda = lambda;
	}

	PlatformLog log() {
		return this.log;
	}

	synchronized boolean alive() {
		return this.process != null && this.process.isAlive() && !this.shuttingDown;
	}

	@Override
	public synchronized void queued(Invocation invocation) {
		if (this.idleCheck != null) {
			this.idleCheck.cancel(false);
			this.idleCheck = null;
		}
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
			// Lambda resets the environment: a shutdown phase with reason timeout, on a thread of its own.
			Thread reset = new Thread(() -> this.lambda.shutdown(ShutdownReason.TIMEOUT), "lambda-emulator-reset");
			reset.setDaemon(true);
			reset.start();
		}
		else if (this.idleShutdown != null) {
			scheduleIdleCheck();
		}
	}

	/**
	 * Sends SIGTERM and waits up to the budget for the runtime to exit.
	 */
	@Override
	public boolean terminate(ShutdownReason reason, Duration budget) {
		Process current;
		synchronized (this) {
			this.shuttingDown = true;
			current = this.process;
		}
		if (current == null) {
			return true;
		}
		// Through the handle: Process.destroy() would also close our end of its output, losing its last lines.
		current.toHandle().destroy();
		try {
			return current.waitFor(budget.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return !current.isAlive();
		}
	}

	/**
	 * Sends SIGKILL and waits for the runtime to be gone.
	 */
	@Override
	public void kill() {
		Process current;
		synchronized (this) {
			this.shuttingDown = true;
			current = this.process;
		}
		if (current != null) {
			destroy(current);
			try {
				current.waitFor(MAX_WAIT_MILLIS * 10, TimeUnit.MILLISECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public void shutDown(boolean workQueued) {
		Process ended;
		synchronized (this) {
			ended = this.process;
			if (this.stdout != null && this.stderr != null && ended != null && !ended.isAlive()) {
				// What the runtime printed on its way out comes before the line that says it ended.
				this.stdout.join(MAX_WAIT_MILLIS * 10);
				this.stderr.join(MAX_WAIT_MILLIS * 10);
			}
			this.process = null;
			this.shuttingDown = false;
			// The environment is gone: extensions still running after their SHUTDOWN get SIGKILL.
			this.extensions.killAll();
			if (workQueued && !this.closed) {
				spawn();
			}
		}
		if (ended != null) {
			this.log.echo("Lambda emulator: the runtime ended ("
					+ (ended.isAlive() ? "still running" : "exit status " + ended.exitValue()) + ")");
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
		this.idleTimer.shutdownNow();
		if (current != null) {
			destroy(current);
		}
		this.extensions.killAll();
	}

	private void spawn() {
		LocalLambda lambda = this.lambda;
		Map<String, String> environment = RuntimeEnvironment.of(this.settings, lambda.runtimeApi(), this.taskRoot,
				this.handler);
		this.spawnNanos = System.nanoTime();
		this.readyNanos = 0;
		this.restoredNanos = 0;
		this.initReported = false;
		this.killed = false;
		if (!startExtensions(environment)) {
			return;
		}
		ProcessBuilder builder = new ProcessBuilder(this.command).directory(this.taskRoot.toFile());
		builder.environment().putAll(environment);
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

	/**
	 * Lambda's Extension init phase: the extensions start, and the runtime only once each has registered, or the init
	 * limit passed. One that ends before it registers fails the init with {@code Extension.Crash}, and the
	 * environment is reset.
	 * @return whether the runtime may start
	 */
	private boolean startExtensions(Map<String, String> environment) {
		List<String> names = this.extensions.names();
		if (names.isEmpty()) {
			return true;
		}
		this.extensions.start(RuntimeEnvironment.forExtensions(environment), this.taskRoot, this::output,
				(name, reason) -> {
					this.log.echo("Lambda emulator: extension " + name + " ended (" + reason + ")");
					this.lambda.extensionExited(name);
				});
		String crashed = this.lambda.awaitExtensionsRegistered(names, this.extensions::gone);
		if (crashed == null) {
			return true;
		}
		String reason = this.extensions.exitReason(crashed);
		this.log.echo("Lambda emulator: extension " + crashed + " ended before it registered (" + reason + ")");
		boolean queued = this.lambda.extensionCrashed(crashed, reason,
				(System.nanoTime() - this.spawnNanos) / 1_000_000.0);
		this.extensions.killAll();
		if (queued && !this.closed) {
			spawn();
		}
		return false;
	}

	private void exited(Process exited) {
		boolean queued;
		synchronized (this) {
			if (exited != this.process) {
				return;
			}
			this.stdout.join(MAX_WAIT_MILLIS);
			this.stderr.join(MAX_WAIT_MILLIS);
			if (this.shuttingDown) {
				// Signalled by the shutdown phase, which ends the environment itself.
				return;
			}
			this.process = null;
			String reason = this.killed ? "signal: killed" : "exit status " + exited.exitValue();
			queued = this.lambda.runtimeExited(reason);
			this.extensions.killAll();
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

	private synchronized void scheduleIdleCheck() {
		if (this.idleCheck != null) {
			this.idleCheck.cancel(false);
		}
		if (!this.closed) {
			this.idleCheck = this.idleTimer.schedule(this::spinDownIfIdle, this.idleShutdown.toMillis(),
					TimeUnit.MILLISECONDS);
		}
	}

	private void spinDownIfIdle() {
		if (alive() && !this.lambda.busy()) {
			this.lambda.shutdown(ShutdownReason.SPINDOWN);
		}
	}

	private void destroy(Process target) {
		synchronized (this) {
			if (target == this.process) {
				this.killed = true;
			}
		}
		// The whole tree at once, as Lambda ends the sandbox: the runtime first, so that it runs nothing more (a shell
		// would run its SIGTERM trap as soon as its child died), then the children it had.
		List<ProcessHandle> children = target.descendants().toList();
		target.destroyForcibly();
		children.forEach(ProcessHandle::destroyForcibly);
	}

}
