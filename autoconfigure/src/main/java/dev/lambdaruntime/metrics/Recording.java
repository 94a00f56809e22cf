package dev.lambdaruntime.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What was recorded and not yet written: one invocation's, on the thread that serves it (kept for that thread's
 * next invocations), or what was recorded outside any invocation. Its owner records without contention; the lock
 * is for the others that may record to or drain it (the registry at close, threads outside invocations).
 */
final class Recording {

	private final Map<EmfMeter, Sample> samples = new HashMap<>();

	private final List<Sample> touched = new ArrayList<>();

	/** How many meters it holds values of: read without the lock, so that an empty recording costs none. */
	private volatile int pending;

	/** Set and read by its owner thread only. */
	private boolean bound;

	private volatile @Nullable String requestId;

	void begin(@Nullable String requestId) {
		this.requestId = requestId;
		this.bound = true;
	}

	void end() {
		this.bound = false;
	}

	boolean isBound() {
		return this.bound;
	}

	@Nullable String requestId() {
		return this.requestId;
	}

	synchronized void record(EmfMeter meter, double value) {
		Sample sample = this.samples.get(meter);
		if (sample == null) {
			sample = new Sample(meter.series());
			this.samples.put(meter, sample);
		}
		if (sample.isEmpty()) {
			this.touched.add(sample);
			this.pending = this.touched.size();
		}
		sample.add(value);
	}

	boolean isEmpty() {
		return this.pending == 0;
	}

	/**
	 * Moves what was recorded into entries to write, leaving this recording empty.
	 */
	synchronized void drainTo(List<EmfEntry> entries) {
		for (Sample sample : this.touched) {
			entries.add(sample.drain());
		}
		this.touched.clear();
		this.pending = 0;
	}

	/**
	 * Forgets what was recorded.
	 */
	synchronized void discard() {
		drainTo(new ArrayList<>());
	}

	/**
	 * What one meter recorded: the sum of a counter's increments, or each sample of a distribution.
	 */
	private static final class Sample {

		private static final double[] NONE = new double[0];

		private final EmfSeries series;

		private double sum;

		private double[] values = NONE;

		private int count;

		Sample(EmfSeries series) {
			this.series = series;
		}

		boolean isEmpty() {
			return this.count == 0;
		}

		void add(double value) {
			if (!this.series.distribution()) {
				this.sum += value;
				this.count = 1;
				return;
			}
			if (this.count == this.values.length) {
				this.values = Arrays.copyOf(this.values, Math.max(4, this.count * 2));
			}
			this.values[this.count++] = value;
		}

		EmfEntry drain() {
			EmfEntry entry = this.series.distribution()
					? new EmfEntry(this.series, Arrays.copyOf(this.values, this.count))
					: EmfEntry.of(this.series, this.sum);
			this.sum = 0;
			this.count = 0;
			return entry;
		}

	}

}
