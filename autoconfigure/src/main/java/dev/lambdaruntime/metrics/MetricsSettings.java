package dev.lambdaruntime.metrics;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a {@link LambdaMeterRegistry} writes its Embedded Metric Format documents.
 *
 * @param namespace the CloudWatch namespace of every metric: 1 to 255 characters, not starting with {@code AWS/}
 * @param dimensions the dimensions every metric carries (such as {@code function_name}), in order, ahead of its own
 * tags
 * @param gaugeInterval how often gauges and the other meters that are read rather than recorded to are sampled, at
 * the end of an invocation; zero samples them at the end of every invocation
 * @param highResolution whether metrics are stored at one-second resolution ({@code StorageResolution: 1}) rather
 * than CloudWatch's standard minute
 * @param coldStart whether the first invocation of an execution environment writes the {@code ColdStart} metric
 */
public record MetricsSettings(String namespace, Map<String, String> dimensions, Duration gaugeInterval,
		boolean highResolution, boolean coldStart) {

	/** CloudWatch's longest namespace. */
	static final int MAX_NAMESPACE_LENGTH = 255;

	/**
	 * Checks the settings and keeps a copy of the dimensions.
	 */
	public MetricsSettings {
		if (namespace.isBlank() || namespace.length() > MAX_NAMESPACE_LENGTH || namespace.startsWith("AWS/")) {
			throw new IllegalArgumentException("The metrics namespace must have 1 to " + MAX_NAMESPACE_LENGTH
					+ " characters and not start with 'AWS/', but was '" + namespace + "'");
		}
		if (gaugeInterval.isNegative()) {
			throw new IllegalArgumentException("The gauge interval must not be negative, but was " + gaugeInterval);
		}
		dimensions = Collections.unmodifiableMap(new LinkedHashMap<>(dimensions));
	}

	/**
	 * Settings with a namespace and the defaults: no dimensions, gauges sampled once a minute, standard resolution,
	 * the cold-start metric on.
	 * @param namespace the CloudWatch namespace
	 * @return the settings
	 */
	public static MetricsSettings of(String namespace) {
		return new MetricsSettings(namespace, Map.of(), Duration.ofMinutes(1), false, true);
	}

}
