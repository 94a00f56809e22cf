package dev.lambdaruntime.metrics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.LongTaskTimer;
import io.micrometer.core.instrument.Measurement;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Statistic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Samples the meters that are read rather than recorded to (gauges, function counters and timers, long task
 * timers, custom meters) at most once per interval: a gauge's value as it is, what a function counter or timer
 * counted since the last sample.
 */
final class GaugeSampler {

	private static final Logger logger = LoggerFactory.getLogger(GaugeSampler.class);

	private final Map<Meter, Sampler> samplers = new ConcurrentHashMap<>();

	private final Clock clock;

	private final long intervalNanos;

	private final AtomicLong next;

	GaugeSampler(Clock clock, Duration interval) {
		this.clock = clock;
		this.intervalNanos = interval.toNanos();
		this.next = new AtomicLong(clock.monotonicTime());
	}

	void gauge(Gauge gauge, EmfSeries series) {
		this.samplers.put(gauge, (entries) -> entries.add(EmfEntry.of(series, gauge.value())));
	}

	void functionCounter(FunctionCounter counter, EmfSeries series) {
		Delta count = new Delta();
		this.samplers.put(counter, (entries) -> count.addTo(entries, series, counter.count()));
	}

	void functionTimer(FunctionTimer timer, EmfSeries count, EmfSeries sum) {
		Delta counted = new Delta();
		Delta total = new Delta();
		this.samplers.put(timer, (entries) -> {
			counted.addTo(entries, count, timer.count());
			total.addTo(entries, sum, timer.totalTime(TimeUnit.MILLISECONDS));
		});
	}

	void longTaskTimer(LongTaskTimer timer, EmfSeries active, EmfSeries duration) {
		this.samplers.put(timer, (entries) -> {
			entries.add(EmfEntry.of(active, timer.activeTasks()));
			entries.add(EmfEntry.of(duration, timer.duration(TimeUnit.MILLISECONDS)));
		});
	}

	void meter(Meter meter, Function<Statistic, EmfSeries> series) {
		this.samplers.put(meter, (entries) -> {
			for (Measurement measurement : meter.measure()) {
				entries.add(EmfEntry.of(series.apply(measurement.getStatistic()), measurement.getValue()));
			}
		});
	}

	void remove(Meter meter) {
		this.samplers.remove(meter);
	}

	/**
	 * Whether a sample is due, claiming it if so: only one caller gets {@code true} per interval.
	 */
	boolean claim() {
		if (this.samplers.isEmpty()) {
			return false;
		}
		long now = this.clock.monotonicTime();
		long due = this.next.get();
		return now - due >= 0 && this.next.compareAndSet(due, now + this.intervalNanos);
	}

	/**
	 * Samples every meter now.
	 */
	synchronized List<EmfEntry> sample() {
		List<EmfEntry> entries = new ArrayList<>();
		this.samplers.forEach((meter, sampler) -> {
			try {
				sampler.sample(entries);
			}
			catch (RuntimeException ex) {
				logger.debug("Sampling {} failed", meter.getId(), ex);
			}
		});
		return entries;
	}

	/**
	 * Reads one meter's values.
	 */
	@FunctionalInterface
	private interface Sampler {

		void sample(List<EmfEntry> entries);

	}

	/**
	 * What a cumulative value gained since it was last read; a value that went down started again.
	 */
	private static final class Delta {

		private double last;

		void addTo(List<EmfEntry> entries, EmfSeries series, double value) {
			double delta = (value >= this.last) ? value - this.last : value;
			this.last = value;
			if (delta != 0) {
				entries.add(EmfEntry.of(series, delta));
			}
		}

	}

}
