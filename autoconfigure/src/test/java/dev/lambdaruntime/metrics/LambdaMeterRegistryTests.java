package dev.lambdaruntime.metrics;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import dev.lambdaruntime.api.Invocation;
import dev.lambdaruntime.loop.InvocationHandler;
import dev.lambdaruntime.loop.InvocationResponse;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link LambdaMeterRegistry} and the handler {@link MetricsPublishingDecorator} wraps: invocations served
 * the way the runtime serves them, every line written checked as an EMF document.
 */
class LambdaMeterRegistryTests {

	private final List<String> lines = new CopyOnWriteArrayList<>();

	private final MockClock clock = new MockClock();

	private LambdaMeterRegistry registry = registry(settings(Duration.ofMinutes(1), false));

	@AfterEach
	void close() {
		this.registry.close();
	}

	@Test
	void writesWhatAnInvocationRecordedAtItsEndWithItsRequestId() throws Exception {
		Counter orders = this.registry.counter("orders.placed");
		Timer latency = this.registry.timer("orders.latency");
		DistributionSummary size = DistributionSummary.builder("orders.size").baseUnit("bytes").register(this.registry);
		serve("req-1", () -> {
			orders.increment();
			orders.increment(2);
			latency.record(5, TimeUnit.MILLISECONDS);
			latency.record(Duration.ofMillis(7).plusNanos(500_000));
			size.record(2048);
		});
		EmfDocument document = single(documents());
		assertThat(document.namespace()).isEqualTo("Orders");
		assertThat(document.requestId()).isEqualTo("req-1");
		assertThat(document.dimensions()).containsExactly("function_name", "service");
		assertThat(document.member("function_name")).isEqualTo("orders-api");
		assertThat(document.member("service")).isEqualTo("orders");
		assertThat(document.units()).containsEntry("orders.placed", "Count")
			.containsEntry("orders.latency", "Milliseconds")
			.containsEntry("orders.size", "Bytes")
			.containsEntry("ColdStart", "Count");
		assertThat(document.values("orders.placed")).containsExactly(3.0);
		assertThat(document.values("orders.latency")).containsExactly(5.0, 7.5);
		assertThat(document.values("orders.size")).containsExactly(2048.0);
		assertThat(document.values("ColdStart")).containsExactly(1.0);
		// The meters keep their running values for whoever reads them.
		assertThat(orders.count()).isEqualTo(3);
		assertThat(latency.count()).isEqualTo(2);
	}

	@Test
	void writesNothingForAnInvocationThatRecordedNothing() throws Exception {
		Counter orders = this.registry.counter("orders.placed");
		serve("req-1", orders::increment);
		this.lines.clear();
		serve("req-2", () -> {
		});
		assertThat(this.lines).isEmpty();
		serve("req-3", orders::increment);
		assertThat(single(documents()).values("ColdStart")).isEmpty();
	}

	@Test
	void writesTheColdStartOnceAndAfterARestoreMarksItWithoutWhatWasRecordedBefore() throws Exception {
		Counter primed = this.registry.counter("orders.placed");
		serve("req-1", () -> {
		});
		serve("req-2", () -> {
		});
		assertThat(documents()).singleElement().satisfies((document) -> {
			assertThat(document.requestId()).isEqualTo("req-1");
			assertThat(document.units()).containsOnlyKeys("ColdStart");
		});
		this.lines.clear();
		// Priming before the snapshot records outside any served invocation.
		primed.increment(5);
		this.registry.afterRestore();
		serve("req-3", () -> {
		});
		EmfDocument restored = single(documents());
		assertThat(restored.values("ColdStart")).containsExactly(1.0);
		assertThat(restored.values("SnapStartRestore")).containsExactly(1.0);
		assertThat(restored.values("orders.placed")).isEmpty();
	}

	@Test
	void claimsTheColdStartForOneOfTheFirstConcurrentInvocations() throws Exception {
		runConcurrently(4, (index) -> serve("req-" + index, () -> {
		}));
		assertThat(EmfDocument.sum(documents(), "ColdStart")).isEqualTo(1);
	}

	@Test
	void keepsConcurrentInvocationsApartOnTheirOwnThreads() throws Exception {
		Counter items = this.registry.counter("items");
		Timer latency = this.registry.timer("latency");
		CyclicBarrier allRecording = new CyclicBarrier(4);
		runConcurrently(4, (index) -> serve("req-" + index, () -> {
			items.increment(index);
			allRecording.await(10, TimeUnit.SECONDS);
			latency.record(index, TimeUnit.MILLISECONDS);
			items.increment(index);
		}));
		List<EmfDocument> documents = documents();
		assertThat(documents).extracting(EmfDocument::requestId)
			.containsExactlyInAnyOrder("req-1", "req-2", "req-3", "req-4");
		assertThat(documents).allSatisfy((document) -> {
			int index = Integer.parseInt(document.requestId().substring("req-".length()));
			assertThat(document.values("items")).containsExactly(2.0 * index);
			assertThat(document.values("latency")).containsExactly((double) index);
		});
	}

	@Test
	void writesWhatWasRecordedOutsideInvocationsAtTheNextInvocationsEndWithoutARequestId() throws Exception {
		Counter background = this.registry.counter("background.jobs");
		Thread spawned = new Thread(() -> background.increment(2));
		spawned.start();
		spawned.join();
		serve("req-1", () -> {
		});
		assertThat(documents()).hasSize(2).anySatisfy((document) -> {
			assertThat(document.requestId()).isNull();
			assertThat(document.values("background.jobs")).containsExactly(2.0);
		});
	}

	@Test
	void writesEverythingNotYetWrittenWhenClosed() throws Exception {
		Counter background = this.registry.counter("background.jobs");
		serve("req-1", () -> {
		});
		background.increment();
		this.lines.clear();
		this.registry.close();
		assertThat(single(documents()).values("background.jobs")).containsExactly(1.0);
	}

	@Test
	void writesWhatAnInvocationStillBeingServedRecordedWhenClosed() throws Exception {
		Counter orders = this.registry.counter("orders.placed");
		CyclicBarrier recorded = new CyclicBarrier(2);
		CyclicBarrier closed = new CyclicBarrier(2);
		ExecutorService executor = Executors.newSingleThreadExecutor();
		try {
			Future<?> slow = executor.submit(() -> {
				serve("req-slow", () -> {
					orders.increment(4);
					recorded.await(10, TimeUnit.SECONDS);
					closed.await(10, TimeUnit.SECONDS);
				});
				return null;
			});
			recorded.await(10, TimeUnit.SECONDS);
			this.registry.close();
			assertThat(documents()).filteredOn((document) -> "req-slow".equals(document.requestId()))
				.singleElement()
				.satisfies((document) -> assertThat(document.values("orders.placed")).containsExactly(4.0));
			closed.await(10, TimeUnit.SECONDS);
			slow.get(10, TimeUnit.SECONDS);
			assertThat(EmfDocument.sum(documents(), "orders.placed")).isEqualTo(4);
		}
		finally {
			executor.shutdownNow();
		}
	}

	@Test
	void writesWhatAFailedInvocationRecordedAndLetsTheFailureThrough() {
		Counter attempts = this.registry.counter("attempts");
		InvocationHandler handler = decorated((invocation) -> {
			attempts.increment();
			throw new IllegalStateException("out of stock");
		});
		assertThatIllegalStateException().isThrownBy(() -> handler.handle(invocation("req-1")))
			.withMessage("out of stock");
		assertThat(single(documents()).values("attempts")).containsExactly(1.0);
	}

	@Test
	void writesWhatAStreamedResponseRecordedOnceItIsWritten() throws Exception {
		Counter words = this.registry.counter("words");
		InvocationHandler handler = decorated((invocation) -> InvocationResponse.streaming("text/plain", (output) -> {
			for (String word : List.of("one ", "two ")) {
				words.increment();
				output.write(word.getBytes(StandardCharsets.UTF_8));
			}
		}));
		InvocationResponse response = handler.handle(invocation("req-1"));
		this.lines.clear();
		response.stream().writeTo(new ByteArrayOutputStream());
		EmfDocument document = single(documents());
		assertThat(document.requestId()).isEqualTo("req-1");
		assertThat(document.values("words")).containsExactly(2.0);
	}

	@Test
	void splitsWhatDoesNotFitOneDocumentWithinEmfsLimits() throws Exception {
		List<Counter> counters = new ArrayList<>();
		for (int i = 0; i < 150; i++) {
			counters.add(this.registry.counter("counter." + i));
		}
		Timer latency = this.registry.timer("latency");
		serve("req-1", () -> {
			counters.forEach(Counter::increment);
			for (int i = 1; i <= 250; i++) {
				latency.record(i, TimeUnit.MILLISECONDS);
			}
		});
		List<EmfDocument> documents = documents();
		// The cold start and 150 counters fill one document and start another; the samples take three.
		assertThat(documents).hasSize(4).allSatisfy((document) -> assertThat(document.requestId()).isEqualTo("req-1"));
		assertThat(documents).extracting((document) -> document.values("latency").size())
			.containsExactly(0, 100, 100, 50);
		assertThat(EmfDocument.sum(documents, "latency")).isEqualTo(250 * 251 / 2);
		assertThat(documents.stream().mapToInt((document) -> document.units().size()).sum()).isEqualTo(150 + 3 + 1);
	}

	@Test
	void writesMetricsWithOtherTagsInTheirOwnDocuments() throws Exception {
		Counter get = this.registry.counter("requests", "method", "GET");
		Counter post = this.registry.counter("requests", "method", "POST");
		serve("req-1", () -> {
			get.increment();
			post.increment(2);
		});
		assertThat(documents()).filteredOn((document) -> document.dimensions().contains("method")).hasSize(2)
			.allSatisfy((document) -> assertThat(document.dimensions()).containsExactly("function_name", "service",
					"method"))
			.extracting((document) -> document.member("method") + "=" + document.values("requests"))
			.containsExactlyInAnyOrder("GET=[1.0]", "POST=[2.0]");
	}

	@Test
	void writesTagsThatCannotBeDimensionsAsPlainMembers() throws Exception {
		List<String> tags = new ArrayList<>();
		for (int i = 0; i < 35; i++) {
			tags.add(String.format("tag%02d", i));
			tags.add("value");
		}
		tags.add("empty");
		tags.add(" ");
		Counter counter = this.registry.counter("tagged", Tags.of(tags.toArray(String[]::new)));
		serve("req-1", counter::increment);
		EmfDocument document = documents().stream().filter((each) -> each.units().containsKey("tagged")).findFirst()
			.orElseThrow();
		assertThat(document.dimensions()).hasSize(30).startsWith("function_name", "service", "tag00");
		assertThat(document.member("tag34")).isEqualTo("value");
		assertThat(document.member("empty")).isEqualTo(" ");
	}

	@Test
	void leavesOutAMetricNamedLikeOneOfItsDimensions() throws Exception {
		Counter clash = this.registry.counter("service");
		serve("req-1", clash::increment);
		assertThat(single(documents()).units()).containsOnlyKeys("ColdStart");
	}

	@Test
	void leavesOutAMetricWhoseNameCloudWatchRefusesAndKeepsTheRestOfItsDocument() throws Exception {
		Counter tooLong = this.registry.counter("n".repeat(256));
		Counter longest = this.registry.counter("n".repeat(255));
		serve("req-1", () -> {
			tooLong.increment();
			longest.increment();
		});
		assertThat(documents()).flatExtracting((document) -> document.units().keySet())
			.containsExactlyInAnyOrder("ColdStart", "n".repeat(255));
	}

	@Test
	void samplesGaugesAtTheFirstInvocationThenOncePerInterval() throws Exception {
		AtomicLong queue = new AtomicLong(3);
		Gauge.builder("queue.depth", queue::get).register(this.registry);
		AtomicInteger processed = new AtomicInteger(10);
		FunctionCounter.builder("processed", processed, AtomicInteger::get).register(this.registry);
		serve("req-1", () -> {
		});
		assertThat(documents()).filteredOn((document) -> document.requestId() == null).singleElement()
			.satisfies((document) -> {
				assertThat(document.values("queue.depth")).containsExactly(3.0);
				assertThat(document.units()).containsEntry("queue.depth", "None");
				assertThat(document.values("processed")).containsExactly(10.0);
			});
		this.lines.clear();
		queue.set(5);
		processed.addAndGet(4);
		this.clock.add(Duration.ofSeconds(59));
		serve("req-2", () -> {
		});
		assertThat(this.lines).isEmpty();
		this.clock.add(Duration.ofSeconds(1));
		serve("req-3", () -> {
		});
		EmfDocument sampled = single(documents());
		assertThat(sampled.values("queue.depth")).containsExactly(5.0);
		assertThat(sampled.values("processed")).containsExactly(4.0);
	}

	@Test
	void marksMetricsHighResolutionWhenAskedTo() throws Exception {
		this.registry.close();
		this.registry = registry(settings(Duration.ofMinutes(1), true));
		Counter counter = this.registry.counter("fast");
		serve("req-1", counter::increment);
		assertThat(single(documents()).values("fast")).containsExactly(1.0);
		assertThat(this.lines.get(0)).contains("{\"Name\":\"fast\",\"Unit\":\"Count\",\"StorageResolution\":1}");
	}

	private LambdaMeterRegistry registry(MetricsSettings settings) {
		return new LambdaMeterRegistry(settings, this.lines::add, this.clock);
	}

	private static MetricsSettings settings(Duration gaugeInterval, boolean highResolution) {
		Map<String, String> dimensions = new LinkedHashMap<>();
		dimensions.put("function_name", "orders-api");
		dimensions.put("service", "orders");
		return new MetricsSettings("Orders", dimensions, gaugeInterval, highResolution, true);
	}

	private void serve(String requestId, Work work) throws Exception {
		decorated((invocation) -> {
			work.run();
			return InvocationResponse.EMPTY;
		}).handle(invocation(requestId));
	}

	private InvocationHandler decorated(InvocationHandler handler) {
		return new MetricsPublishingDecorator(this.registry).decorate(handler);
	}

	private static Invocation invocation(String requestId) {
		return new Invocation(requestId, 0, null, null, null, null, null, null, null, new byte[0]);
	}

	private List<EmfDocument> documents() {
		return this.lines.stream().map(EmfDocument::parse).toList();
	}

	private static EmfDocument single(List<EmfDocument> documents) {
		assertThat(documents).hasSize(1);
		return documents.get(0);
	}

	private static void runConcurrently(int count, IndexedWork work) throws Exception {
		ExecutorService executor = Executors.newFixedThreadPool(count);
		try {
			List<Future<?>> futures = new ArrayList<>();
			for (int i = 1; i <= count; i++) {
				int index = i;
				futures.add(executor.submit(() -> {
					work.run(index);
					return null;
				}));
			}
			for (Future<?> future : futures) {
				future.get(30, TimeUnit.SECONDS);
			}
		}
		finally {
			executor.shutdownNow();
		}
	}

	@FunctionalInterface
	interface Work {

		void run() throws Exception;

	}

	@FunctionalInterface
	interface IndexedWork {

		void run(int index) throws Exception;

	}

}
