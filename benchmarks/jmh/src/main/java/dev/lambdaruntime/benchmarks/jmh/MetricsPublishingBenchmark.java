package dev.lambdaruntime.benchmarks.jmh;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.lambdaruntime.api.Invocation;
import dev.lambdaruntime.loop.InvocationHandler;
import dev.lambdaruntime.loop.InvocationResponse;
import dev.lambdaruntime.metrics.LambdaMeterRegistry;
import dev.lambdaruntime.metrics.MetricsPublishingDecorator;
import dev.lambdaruntime.metrics.MetricsSettings;
import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What metrics add to one invocation: the handler the metrics decorator wraps, when the function touched no meter,
 * and when it touched a counter and a timer, whose EMF document is then built and written (to a sink that keeps only
 * its length, as standard output's cost is the platform's).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class MetricsPublishingBenchmark {

	private final Invocation invocation = new Invocation("8f5e2a1c-7d6b-4c38-9f0e-2a4b6c8d0e1f", 0, null, null, null,
			null, null, null, null, new byte[0]);

	private LambdaMeterRegistry registry;

	private InvocationHandler undecorated;

	private InvocationHandler nothingRecorded;

	private InvocationHandler counterAndTimer;

	private long written;

	@Setup
	public void prepare() {
		this.registry = new LambdaMeterRegistry(new MetricsSettings("Bench", Map.of("function_name", "greet"),
				Duration.ofMinutes(1), false, false), (line) -> this.written += line.length(), Clock.SYSTEM);
		Counter orders = this.registry.counter("orders.placed");
		Timer latency = this.registry.timer("orders.latency");
		MetricsPublishingDecorator decorator = new MetricsPublishingDecorator(this.registry);
		this.undecorated = (invocation) -> InvocationResponse.EMPTY;
		this.nothingRecorded = decorator.decorate(this.undecorated);
		this.counterAndTimer = decorator.decorate((invocation) -> {
			orders.increment();
			latency.record(1234, TimeUnit.MICROSECONDS);
			return InvocationResponse.EMPTY;
		});
	}

	@TearDown
	public void close() {
		this.registry.close();
	}

	/**
	 * The handler alone: the baseline.
	 * @return the response
	 */
	@Benchmark
	public InvocationResponse undecorated() throws Exception {
		return this.undecorated.handle(this.invocation);
	}

	/**
	 * The decorated handler of a function that touched no meter: no document.
	 * @return the response
	 */
	@Benchmark
	public InvocationResponse nothingRecorded() throws Exception {
		return this.nothingRecorded.handle(this.invocation);
	}

	/**
	 * A counter and a timer recorded, then one EMF document built and written.
	 * @return the response
	 */
	@Benchmark
	public InvocationResponse counterAndTimerWritten() throws Exception {
		return this.counterAndTimer.handle(this.invocation);
	}

}
