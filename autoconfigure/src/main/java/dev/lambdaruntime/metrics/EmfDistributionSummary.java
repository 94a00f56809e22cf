package dev.lambdaruntime.metrics;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.cumulative.CumulativeDistributionSummary;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;

/**
 * A distribution summary that adds each (scaled) amount to the recording of the invocation it happens in, and to its
 * running count, total and maximum.
 */
final class EmfDistributionSummary extends CumulativeDistributionSummary implements EmfMeter {

	private final Recordings recordings;

	private final EmfSeries series;

	EmfDistributionSummary(Id id, Clock clock, DistributionStatisticConfig config, double scale, Recordings recordings,
			EmfSeries series) {
		super(id, clock, config, scale, false);
		this.recordings = recordings;
		this.series = series;
	}

	@Override
	protected void recordNonNegative(double amount) {
		super.recordNonNegative(amount);
		this.recordings.current().record(this, amount);
	}

	@Override
	public EmfSeries series() {
		return this.series;
	}

}
