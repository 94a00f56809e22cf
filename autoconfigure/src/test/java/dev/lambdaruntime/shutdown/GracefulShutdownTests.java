package dev.lambdaruntime.shutdown;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link GracefulShutdown}; the loop's part is tested in {@code RuntimeLoopTests}, SIGTERM itself with the
 * packaged sample.
 */
@ExtendWith(OutputCaptureExtension.class)
class GracefulShutdownTests {

	private static final ShutdownBudget BUDGET = new ShutdownBudget(Duration.ofMillis(500), Duration.ofMillis(100));

	private final List<String> steps = new CopyOnWriteArrayList<>();

	@Test
	void closesTheApplicationOnceAndSaysHowLongItTook(CapturedOutput output) {
		GracefulShutdown shutdown = new GracefulShutdown(BUDGET, null, () -> this.steps.add("close"),
				() -> this.steps.add("exit"));
		assertThat(shutdown.run()).isTrue();
		assertThat(shutdown.run()).isFalse();
		assertThat(this.steps).containsExactly("close");
		assertThat(output).contains("Shutting down within 500 ms").containsPattern("Shut down in \\d+ ms");
	}

	@Test
	void aFailingCloseIsLogged(CapturedOutput output) {
		GracefulShutdown shutdown = new GracefulShutdown(BUDGET, null, () -> {
			throw new IllegalStateException("stuck bean");
		}, () -> this.steps.add("exit"));
		assertThat(shutdown.run()).isTrue();
		assertThat(output).contains("Closing the application failed").contains("stuck bean");
	}

	@Test
	void aCloseThatRunsOverTheBudgetIsLoggedWithWhatWasStillRunning(CapturedOutput output) throws Exception {
		CountDownLatch release = new CountDownLatch(1);
		ShutdownBudget tight = new ShutdownBudget(Duration.ofMillis(20), Duration.ZERO);
		GracefulShutdown shutdown = new GracefulShutdown(tight, null, () -> awaitRelease(release), () -> {
		});
		CompletableFuture<Boolean> running = CompletableFuture.supplyAsync(shutdown::run);
		await("the watchdog").atMost(Duration.ofSeconds(10))
			.until(() -> output.toString().contains("Shutdown is running over its budget of 20 ms"));
		release.countDown();
		assertThat(running.get(10, TimeUnit.SECONDS)).isTrue();
		assertThat(output).contains("Still running:").contains("GracefulShutdownTests");
	}

	private static void awaitRelease(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
