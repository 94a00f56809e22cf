package dev.lambdaruntime.emulator.lambda;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

import dev.lambdaruntime.emulator.RegisteredExtension;
import dev.lambdaruntime.emulator.RuntimeError;

/**
 * Lambda's shutdown phase for one environment: SIGTERM to the runtime when an extension registered (else SIGKILL at
 * once), SIGKILL when its share of the budget is over, a {@code SHUTDOWN} event to the external extensions registered
 * for it, and the environment gone; and the resets without one, after a crash or an init that outlived its limit.
 */
final class ShutdownPhase {

	/** The runtime's share: 500 ms when an extension registered. */
	static final Duration RUNTIME_BUDGET = Duration.ofMillis(500);

	/** The whole phase when external extensions registered: 2,000 ms, the runtime's share first. */
	static final Duration EXTERNAL_BUDGET = Duration.ofMillis(2000);

	/**
	 * Lambda's error type for an extension that failed during the init phase, as in its {@code INIT_REPORT} line
	 * ("Failures during the Init phase" in AWS's page on the execution environment).
	 */
	static final String EXTENSION_CRASH = "Extension.Crash";

	private final InvocationBroker broker;

	private final Extensions extensions;

	private final InvocationListener platform;

	private final PlatformLog log;

	private final ReentrantLock running = new ReentrantLock();

	ShutdownPhase(InvocationBroker broker, Extensions extensions, InvocationListener platform, PlatformLog log) {
		this.broker = broker;
		this.extensions = extensions;
		this.platform = platform;
		this.log = log;
	}

	/**
	 * Runs the phase; one at a time.
	 * @param reason why the environment ends
	 * @return whether the runtime got SIGTERM, because an extension had registered
	 */
	boolean run(ShutdownReason reason) {
		this.running.lock();
		try {
			long startNanos = System.nanoTime();
			long startMillis = System.currentTimeMillis();
			this.broker.suspend();
			List<RegisteredExtension> registered = this.extensions.snapshot();
			boolean signalled = !registered.isEmpty();
			boolean ended = true;
			if (signalled) {
				this.log.echo("Lambda emulator: shutdown (" + reason.word() + "): SIGTERM to the runtime, "
						+ RUNTIME_BUDGET.toMillis() + " ms before SIGKILL");
				ended = this.platform.terminate(reason, RUNTIME_BUDGET);
				if (!ended) {
					this.log.echo("Lambda emulator: the runtime did not end within " + RUNTIME_BUDGET.toMillis()
							+ " ms of SIGTERM: SIGKILL");
				}
			}
			else {
				this.log.echo("Lambda emulator: shutdown (" + reason.word()
						+ "): no extension registered, so SIGKILL without SIGTERM");
			}
			boolean killed = !signalled || !ended;
			if (killed) {
				this.platform.kill();
			}
			if (registered.stream().anyMatch(RegisteredExtension::external)) {
				this.extensions.shutdown(reason, startMillis + EXTERNAL_BUDGET.toMillis());
				awaitExtensions(startNanos + EXTERNAL_BUDGET.toNanos());
			}
			this.extensions.reset();
			boolean queued = this.broker.runtimeExited(killed ? "signal: killed" : "shut down (" + reason.word() + ")");
			this.platform.shutDown(queued);
			return signalled;
		}
		finally {
			this.running.unlock();
		}
	}

	/**
	 * The runtime's init outlived Lambda's init limit while invocations waited for it: Lambda reports it
	 * ({@code INIT_REPORT ... Status: timeout}), resets the environment, and runs the init again inside the first
	 * invocation, whose timeout then covers it. A runtime in this JVM cannot be killed: its init runs on, and only
	 * the registrations made during it are forgotten.
	 * @param replaceRuntime whether the runtime is a process, killed here so that a fresh one starts
	 */
	void initTimedOut(boolean replaceRuntime) {
		this.running.lock();
		try {
			this.log.initTimedOut();
			if (replaceRuntime) {
				this.platform.kill();
			}
			this.extensions.reset();
			boolean queued = this.broker.retryInit(replaceRuntime);
			if (replaceRuntime) {
				this.platform.shutDown(queued);
			}
		}
		finally {
			this.running.unlock();
		}
	}

	/**
	 * The runtime ended by itself (a crash, an exit): Lambda resets the environment, telling external extensions
	 * with {@code SHUTDOWN} ({@code failure}) first.
	 * @param reason what the exit looked like, for example {@code exit status 1}
	 * @return whether invocations are still queued, so a new runtime is needed
	 */
	boolean runtimeExited(String reason) {
		boolean queued = this.broker.runtimeExited(reason);
		if (this.extensions.snapshot().stream().anyMatch(RegisteredExtension::external)) {
			this.extensions.shutdown(ShutdownReason.FAILURE,
					System.currentTimeMillis() + EXTERNAL_BUDGET.toMillis());
			awaitExtensions(System.nanoTime() + EXTERNAL_BUDGET.toNanos());
		}
		this.extensions.reset();
		return queued;
	}

	/**
	 * An external extension ended during the init phase, before it registered: Lambda fails the init with
	 * {@code Extension.Crash}, so the waiting invocations fail with it, and resets the environment.
	 * @param name the extension's file name
	 * @param reason what the exit looked like, for example {@code exit status 1}
	 * @param initMillis how long the init ran
	 * @return whether invocations are still queued, so a new environment is needed
	 */
	boolean extensionCrashed(String name, String reason, double initMillis) {
		// Not under the phase's lock, as runtimeExited: the platform calls this while it holds its own lock, which a
		// phase under way (an init limit that passed at the same moment) may be waiting for.
		this.log.initFailed(initMillis, EXTENSION_CRASH);
		this.broker.fail(new RuntimeError(EXTENSION_CRASH,
				Json.error(EXTENSION_CRASH, "Extension " + name + " exited before it registered: " + reason)), false);
		return runtimeExited(reason);
	}

	private void awaitExtensions(long deadlineNanos) {
		try {
			if (!this.extensions.awaitIdle(deadlineNanos)) {
				this.log.echo("Lambda emulator: external extensions did not finish SHUTDOWN within "
						+ EXTERNAL_BUDGET.toMillis() + " ms: SIGKILL");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
