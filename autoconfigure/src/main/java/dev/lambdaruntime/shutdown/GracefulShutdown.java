package dev.lambdaruntime.shutdown;

import java.util.concurrent.atomic.AtomicBoolean;

import dev.lambdaruntime.loop.RuntimeLoop;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What Lambda's SIGTERM does: stop polling, let invocations in flight finish within the grace period (the loop
 * reports those that cannot as failed), close the application, so {@code @PreDestroy}, {@code DisposableBean} and
 * {@code SmartLifecycle.stop} flush what it keeps in memory, then flush the logs and exit 0, within the budget.
 */
public final class GracefulShutdown {

	private static final Logger logger = LoggerFactory.getLogger(GracefulShutdown.class);

	private final ShutdownBudget budget;

	private final @Nullable RuntimeLoop loop;

	private final Runnable closeApplication;

	private final Runnable exit;

	private final AtomicBoolean started = new AtomicBoolean();

	private volatile boolean exitOnSigterm;

	/**
	 * A shutdown that ends the process with {@code System.exit(0)} after a trapped SIGTERM.
	 * @param budget the time it has
	 * @param loop the loop to stop first, or {@code null} when another client polls (the managed runtime)
	 * @param closeApplication closes the application context
	 */
	public GracefulShutdown(ShutdownBudget budget, @Nullable RuntimeLoop loop, Runnable closeApplication) {
		this(budget, loop, closeApplication, () -> System.exit(0));
	}

	GracefulShutdown(ShutdownBudget budget, @Nullable RuntimeLoop loop, Runnable closeApplication, Runnable exit) {
		this.budget = budget;
		this.loop = loop;
		this.closeApplication = closeApplication;
		this.exit = exit;
	}

	/**
	 * Makes SIGTERM run this shutdown and then exit 0; Lambda sends SIGTERM only once an extension registered.
	 */
	public void trapSigterm() {
		this.exitOnSigterm = SigtermTrap.install(this::onSigterm);
	}

	/**
	 * Runs the shutdown, once: later calls return at once.
	 * @return whether this call ran it
	 */
	public boolean run() {
		if (!this.started.compareAndSet(false, true)) {
			return false;
		}
		long start = System.nanoTime();
		logger.info("Shutting down within {} ms", this.budget.total().toMillis());
		try (ShutdownWatchdog watchdog = new ShutdownWatchdog(this.budget.alarm().toNanos(),
				this.budget.total().toMillis())) {
			if (this.loop != null) {
				this.loop.shutDown(this.budget.gracePeriod());
			}
			this.closeApplication.run();
		}
		catch (RuntimeException ex) {
			logger.error("Closing the application failed", ex);
		}
		logger.info("Shut down in {} ms", (System.nanoTime() - start) / 1_000_000);
		System.out.flush();
		System.err.flush();
		return true;
	}

	/**
	 * On a non-daemon thread of its own: the JVM runs signal handlers on daemon threads, and would exit, cutting the
	 * shutdown short, as soon as the loop's workers (its last non-daemon threads) stop.
	 */
	private void onSigterm() {
		Thread shutdown = new Thread(() -> {
			if (run() && this.exitOnSigterm) {
				this.exit.run();
			}
		}, "lambda-runtime-shutdown");
		shutdown.setDaemon(false);
		shutdown.start();
	}

}
