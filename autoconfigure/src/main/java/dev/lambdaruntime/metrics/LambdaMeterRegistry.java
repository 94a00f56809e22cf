package dev.lambdaruntime.metrics;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.LongTaskTimer;
import io.micrometer.core.instrument.Measurement;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.config.NamingConvention;
import io.micrometer.core.instrument.cumulative.CumulativeFunctionCounter;
import io.micrometer.core.instrument.cumulative.CumulativeFunctionTimer;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.core.instrument.distribution.pause.PauseDetector;
import io.micrometer.core.instrument.internal.DefaultGauge;
import io.micrometer.core.instrument.internal.DefaultLongTaskTimer;
import io.micrometer.core.instrument.internal.DefaultMeter;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Micrometer {@link MeterRegistry} for Lambda: what a function records during an invocation is written as CloudWatch
 * Embedded Metric Format documents at the end of that invocation, on its own thread, before its answer is sent, by
 * the handler {@link MetricsPublishingDecorator} wraps. Nothing runs in the background, which Lambda freezes between
 * invocations. What is recorded outside any invocation is written at the next invocation's end, and at
 * {@link #close()}.
 */
public class LambdaMeterRegistry extends MeterRegistry {

	static final String COLD_START = "ColdStart";

	static final String SNAPSTART_RESTORE = "SnapStartRestore";

	private static final Logger logger = LoggerFactory.getLogger(LambdaMeterRegistry.class);

	private final MetricsSettings settings;

	private final Recordings recordings = new Recordings();

	private final SeriesFactory series;

	private final GaugeSampler gauges;

	private final RecordingWriter writer;

	/**
	 * A registry that writes to standard output.
	 * @param settings the namespace, dimensions and other settings
	 * @param clock the clock
	 */
	public LambdaMeterRegistry(MetricsSettings settings, Clock clock) {
		this(settings, MetricsOutput.STANDARD_OUTPUT, clock);
	}

	/**
	 * A registry.
	 * @param settings the namespace, dimensions and other settings
	 * @param output where the documents go
	 * @param clock the clock
	 */
	public LambdaMeterRegistry(MetricsSettings settings, MetricsOutput output, Clock clock) {
		super(clock);
		this.settings = settings;
		this.series = new SeriesFactory(settings);
		this.gauges = new GaugeSampler(clock, settings.gaugeInterval());
		this.writer = new RecordingWriter(settings, output, clock, this.recordings, this.gauges,
				this.series.create(COLD_START, List.of(), EmfUnit.COUNT, false),
				this.series.create(SNAPSTART_RESTORE, List.of(), EmfUnit.COUNT, false));
		// Metric names as the application wrote them: CloudWatch takes dots, and Micrometer's are dotted.
		config().namingConvention(NamingConvention.identity);
		config().onMeterRemoved(this.gauges::remove);
	}

	/**
	 * The settings this registry writes with.
	 * @return the settings
	 */
	public MetricsSettings settings() {
		return this.settings;
	}

	@Override
	protected Counter newCounter(Meter.Id id) {
		EmfSeries series = seriesOf(id, "", EmfUnit.of(id.getBaseUnit(), EmfUnit.COUNT), false);
		return new EmfCounter(id, this.recordings, series);
	}

	@Override
	protected Timer newTimer(Meter.Id id, DistributionStatisticConfig distributionStatisticConfig,
			PauseDetector pauseDetector) {
		return new EmfTimer(id, this.clock, distributionStatisticConfig, pauseDetector, this.recordings,
				seriesOf(id, "", EmfUnit.MILLISECONDS, true));
	}

	@Override
	protected DistributionSummary newDistributionSummary(Meter.Id id,
			DistributionStatisticConfig distributionStatisticConfig, double scale) {
		return new EmfDistributionSummary(id, this.clock, distributionStatisticConfig, scale, this.recordings,
				seriesOf(id, "", EmfUnit.of(id.getBaseUnit(), EmfUnit.NONE), true));
	}

	@Override
	protected <T> Gauge newGauge(Meter.Id id, @Nullable T obj, ToDoubleFunction<T> valueFunction) {
		Gauge gauge = new DefaultGauge<>(id, obj, valueFunction);
		this.gauges.gauge(gauge, seriesOf(id, "", EmfUnit.of(id.getBaseUnit(), EmfUnit.NONE), false));
		return gauge;
	}

	@Override
	protected <T> FunctionCounter newFunctionCounter(Meter.Id id, T obj, ToDoubleFunction<T> countFunction) {
		FunctionCounter counter = new CumulativeFunctionCounter<>(id, obj, countFunction);
		this.gauges.functionCounter(counter, seriesOf(id, "", EmfUnit.of(id.getBaseUnit(), EmfUnit.COUNT), false));
		return counter;
	}

	@Override
	protected <T> FunctionTimer newFunctionTimer(Meter.Id id, T obj, ToLongFunction<T> countFunction,
			ToDoubleFunction<T> totalTimeFunction, TimeUnit totalTimeFunctionUnit) {
		FunctionTimer timer = new CumulativeFunctionTimer<>(id, obj, countFunction, totalTimeFunction,
				totalTimeFunctionUnit, getBaseTimeUnit());
		this.gauges.functionTimer(timer, seriesOf(id, ".count", EmfUnit.COUNT, false),
				seriesOf(id, ".sum", EmfUnit.MILLISECONDS, false));
		return timer;
	}

	@Override
	protected LongTaskTimer newLongTaskTimer(Meter.Id id, DistributionStatisticConfig distributionStatisticConfig) {
		LongTaskTimer timer = new DefaultLongTaskTimer(id, this.clock, getBaseTimeUnit(), distributionStatisticConfig,
				false);
		this.gauges.longTaskTimer(timer, seriesOf(id, ".active", EmfUnit.COUNT, false),
				seriesOf(id, ".duration", EmfUnit.MILLISECONDS, false));
		return timer;
	}

	@Override
	protected Meter newMeter(Meter.Id id, Meter.Type type, Iterable<Measurement> measurements) {
		Meter meter = new DefaultMeter(id, type, measurements);
		String unit = EmfUnit.of(id.getBaseUnit(), EmfUnit.NONE);
		this.gauges.meter(meter, (statistic) -> seriesOf(id, "." + statistic.getTagValueRepresentation(), unit, false));
		return meter;
	}

	@Override
	protected TimeUnit getBaseTimeUnit() {
		return TimeUnit.MILLISECONDS;
	}

	@Override
	protected DistributionStatisticConfig defaultHistogramConfig() {
		return DistributionStatisticConfig.builder()
			.expiry(Duration.ofMinutes(1))
			.build()
			.merge(DistributionStatisticConfig.DEFAULT);
	}

	private EmfSeries seriesOf(Meter.Id id, String suffix, String unit, boolean distribution) {
		NamingConvention convention = config().namingConvention();
		return this.series.create(id.getConventionName(convention) + suffix, id.getConventionTags(convention), unit,
				distribution);
	}

	/**
	 * Starts recording an invocation on the current thread.
	 * @param requestId its request id
	 * @return where it records
	 */
	Recording enter(String requestId) {
		return this.recordings.enter(requestId);
	}

	/**
	 * Writes what an invocation recorded (with what is due besides) and stops recording it; never throws.
	 * @param recording where it recorded
	 * @param first whether it may be the environment's first invocation (not the rest of a streamed one)
	 */
	void exit(Recording recording, boolean first) {
		this.writer.exit(recording, first);
	}

	/**
	 * Called once a SnapStart snapshot is restored: forgets what was recorded before it (the snapshot's init and
	 * priming, which every restored copy would otherwise write again) and makes the next invocation the restored
	 * environment's first.
	 */
	public void afterRestore() {
		this.writer.afterRestore();
	}

	/**
	 * Writes everything recorded and not yet written, then closes the registry. Spring calls it when the context
	 * closes, which Lambda's SIGTERM does once graceful shutdown is in place.
	 */
	@Override
	public void close() {
		if (!isClosed()) {
			try {
				this.writer.flush();
			}
			catch (RuntimeException ex) {
				logger.warn("Writing the metrics recorded before shutdown failed", ex);
			}
		}
		super.close();
	}

}
