package dev.lambdaruntime.benchmarks.harness;

import java.util.Locale;

/**
 * A figure the harness records per run and contender.
 */
enum Metric {

	/** Spawn to the first {@code GET /next}. */
	STARTUP("start-up", "ms", false),

	/** The first event: handed out to answered. */
	FIRST_INVOCATION("first invocation", "ms", false),

	/** Spawn to the first answer: what a cold start costs the caller, roughly. */
	COLD_TOTAL("spawn to first answer", "ms", false),

	/** Warm latency, median: handed out to answered. */
	WARM_P50("warm p50", "µs", false),

	/** Warm latency, 99th percentile. */
	WARM_P99("warm p99", "µs", false),

	/** Invocations per second with one worker, a batch queued at once. */
	THROUGHPUT("throughput", "inv/s", true),

	/** Peak resident memory of the process tree over the greet run. */
	PEAK_RSS("peak RSS", "MB", false),

	/** The slow function, one invocation at a time. */
	SLOW_SINGLE("slow, 1 at a time", "inv/s", true),

	/** The slow function, up to the concurrency limit at a time. */
	SLOW_CONCURRENT("slow, N at a time", "inv/s", true),

	/** The concurrent figure over the one-at-a-time figure. */
	CONCURRENCY_GAIN("concurrency gain", "×", true);

	private final String title;

	private final String unit;

	private final boolean higherIsBetter;

	Metric(String title, String unit, boolean higherIsBetter) {
		this.title = title;
		this.unit = unit;
		this.higherIsBetter = higherIsBetter;
	}

	String title() {
		return this.title;
	}

	String unit() {
		return this.unit;
	}

	boolean higherIsBetter() {
		return this.higherIsBetter;
	}

	String header() {
		return this.title + " (" + this.unit + ")";
	}

	static String format(double value) {
		if (Double.isNaN(value)) {
			return "–";
		}
		double abs = Math.abs(value);
		if (abs >= 100) {
			return String.format(Locale.ROOT, "%,.0f", value);
		}
		if (abs >= 10) {
			return String.format(Locale.ROOT, "%.1f", value);
		}
		return String.format(Locale.ROOT, "%.2f", value);
	}

}
