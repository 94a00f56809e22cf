package dev.lambdaruntime.sample;

import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.IntStream;

import dev.lambdaruntime.emulator.AutoConfigureLambdaEmulator;
import dev.lambdaruntime.emulator.InvokeResult;
import dev.lambdaruntime.emulator.LambdaEmulator;
import dev.lambdaruntime.sample.SampleApplication.Delay;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.json.JsonContent;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code slow} end to end, with several workers serving invocations at once. Each invocation first meets the others
 * ({@code meet|slow}): with a rendezvous set up, none goes on until all of them are in flight together, which one
 * worker could never do.
 */
@SpringBootTest(properties = { "spring.cloud.function.definition=meet|slow", "lambda.runtime.workers=4" })
@AutoConfigureLambdaEmulator(concurrency = 4)
class SlowFunctionTests {

	@Autowired
	private LambdaEmulator emulator;

	@Autowired
	private Rendezvous rendezvous;

	@AfterEach
	void meetNoMore() {
		this.rendezvous.expect(1);
	}

	@Test
	void sleepsAsLongAsAsked() {
		assertThat(new JsonContent(this.emulator.invoke("{\"ms\":50}").payloadAsString()))
			.isStrictlyEqualTo("{\"slept\":50}");
	}

	@Test
	void servesConcurrentInvocations() {
		this.rendezvous.expect(4);
		List<CompletableFuture<InvokeResult>> calls = IntStream.range(0, 4)
			.mapToObj((i) -> CompletableFuture.supplyAsync(() -> this.emulator.invoke("{\"ms\":" + (100 + i) + "}")))
			.toList();
		for (int i = 0; i < calls.size(); i++) {
			InvokeResult result = calls.get(i).join();
			assertThat(result.functionError()).as(result.payloadAsString()).isNull();
			assertThat(new JsonContent(result.payloadAsString())).isStrictlyEqualTo("{\"slept\":" + (100 + i) + "}");
		}
	}

	/**
	 * Holds each invocation until as many as expected are in flight, for at most 20 seconds.
	 */
	static final class Rendezvous {

		private volatile CyclicBarrier barrier = new CyclicBarrier(1);

		void expect(int invocations) {
			this.barrier = new CyclicBarrier(invocations);
		}

		Delay meet(Delay delay) {
			CyclicBarrier barrier = this.barrier;
			try {
				barrier.await(20, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			catch (BrokenBarrierException | TimeoutException ex) {
				int parties = barrier.getParties();
				throw new IllegalStateException("Not all " + parties + " invocations were in flight at once", ex);
			}
			return delay;
		}

	}

	@TestConfiguration(proxyBeanMethods = false)
	static class RendezvousConfiguration {

		@Bean
		Rendezvous rendezvous() {
			return new Rendezvous();
		}

		@Bean
		Function<Delay, Delay> meet(Rendezvous rendezvous) {
			return rendezvous::meet;
		}

	}

}
