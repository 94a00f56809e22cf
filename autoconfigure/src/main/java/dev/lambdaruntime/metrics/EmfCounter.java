package dev.lambdaruntime.metrics;

import io.micrometer.core.instrument.cumulative.CumulativeCounter;

/**
 * A counter that adds each increment to the recording of the invocation it happens in, and to its running total.
 */
final class EmfCounter extends CumulativeCounter implements EmfMeter {

	private final Recordings recordings;

	private final EmfSeries series;

	EmfCounter(Id id, Recordings recordings, EmfSeries series) {
		super(id);
		this.recordings = recordings;
		this.series = series;
	}

	@Override
	public void increment(double amount) {
		super.increment(amount);
		this.recordings.current().record(this, amount);
	}

	@Override
	public EmfSeries series() {
		return this.series;
	}

}
