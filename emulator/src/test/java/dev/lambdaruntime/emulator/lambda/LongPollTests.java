package dev.lambdaruntime.emulator.lambda;

import java.net.InetAddress;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import dev.lambdaruntime.emulator.InvokeRequest;
import dev.lambdaruntime.emulator.InvokeResult;
import dev.lambdaruntime.emulator.TestRuntime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The long-polled {@code /next}, over real HTTP: held while N invocations run, released when the emulator closes.
 * What these tests wait for is the broker's own state (an invocation queued, a poll parked), never a pause.
 */
class LongPollTests {

	private LocalLambda lambda = start(1);

	private TestRuntime runtime = new TestRuntime(this.lambda.runtimeApi());

	@AfterEach
	void close() {
		this.lambda.close();
	}

	@Test
	void concurrencyHandsOutAtMostNInvocationsAtOnce() throws Exception {
		this.lambda.close();
		this.lambda = start(2);
		this.runtime = new TestRuntime(this.lambda.runtimeApi());
		CompletableFuture<InvokeResult> first = invokeAsync("1");
		CompletableFuture<InvokeResult> second = invokeAsync("2");
		CompletableFuture<InvokeResult> third = invokeAsync("3");
		HttpResponse<String> a = this.runtime.next();
		HttpResponse<String> b = this.runtime.next();
		awaitBroker("the third invocation queued", () -> this.lambda.broker().queued() == 1);
		CompletableFuture<HttpResponse<String>> c = this.runtime.nextAsync();
		// Work is queued, so a parked poll waits only for a free slot.
		awaitBroker("the third /next parked", () -> this.lambda.broker().waiting() == 1);
		assertThat(c).isNotDone();
		this.runtime.respond(TestRuntime.requestId(a), "done " + a.body());
		HttpResponse<String> thirdNext = c.get(5, TimeUnit.SECONDS);
		this.runtime.respond(TestRuntime.requestId(b), "done " + b.body());
		this.runtime.respond(TestRuntime.requestId(thirdNext), "done " + thirdNext.body());
		assertThat(first.get(5, TimeUnit.SECONDS).payloadAsString()).isEqualTo("done 1");
		assertThat(second.get(5, TimeUnit.SECONDS).payloadAsString()).isEqualTo("done 2");
		assertThat(third.get(5, TimeUnit.SECONDS).payloadAsString()).isEqualTo("done 3");
	}

	@Test
	void closeReleasesABlockedNextAndFailsPendingInvokes() {
		CompletableFuture<HttpResponse<String>> next = this.runtime.nextAsync();
		awaitBroker("the /next parked", () -> this.lambda.broker().waiting() == 1);
		assertThat(next).isNotDone();
		this.lambda.close();
		assertThat(next).failsWithin(5, TimeUnit.SECONDS);
		this.lambda.close();
	}

	private CompletableFuture<InvokeResult> invokeAsync(String payload) {
		return CompletableFuture.supplyAsync(() -> this.lambda.invoke(InvokeRequest.of(payload)));
	}

	private static void awaitBroker(String what, Callable<Boolean> condition) {
		await(what).atMost(Duration.ofSeconds(5)).until(condition);
	}

	private static LocalLambda start(int concurrency) {
		LocalLambda lambda = new LocalLambda(new EmulatorSettings(0, "function", Duration.ofSeconds(30), 512,
				concurrency, false, false, InetAddress.getLoopbackAddress(), true, null, Set.of(), null));
		lambda.start();
		return lambda;
	}

}
