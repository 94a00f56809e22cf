package dev.lambdaruntime.metrics;

import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.cumulative.CumulativeTimer;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.core.instrument.distribution.pause.PauseDetector;

/**
 * A timer that adds each duration, in milliseconds, to the recording of the invocation it happens in, and to its
 * running count, total and maximum.
 */
final class EmfTimer extends CumulativeTimer implements EmfMeter {

	private static final double NANOS_PER_MILLI = 1_000_000.0;

	private final Recordings recordings;

	private final EmfSeries series;

	EmfTimer(Id id, Clock clock, DistributionStatisticConfig config, PauseDetector pauseDetector,
			Recordings recordings, EmfSeries series) {
		super(id, clock, config, pauseDetector, TimeUnit.MILLISECONDS, false);
		this.recordings = recordings;
		this.series = series;
	}

	@Override
	protected void recordNonNegative(long amount, TimeUnit unit) {
		super.recordNonNegative(amount, unit);
		this.recordings.current().record(this, unit.toNanos(amount) / NANOS_PER_MILLI);
	}

	@Override
	public EmfSeries series() {
		return this.series;
	}

}
