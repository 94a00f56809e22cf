package dev.lambdaruntime.metrics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Tag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the series of new meters: the registry's dimensions ahead of each meter's tags, shared by every meter with
 * the same tags.
 */
final class SeriesFactory {

	private static final Logger logger = LoggerFactory.getLogger(SeriesFactory.class);

	private final Map<String, String> defaults;

	private final boolean highResolution;

	private final Map<List<Tag>, Dimensions> dimensions = new ConcurrentHashMap<>();

	SeriesFactory(MetricsSettings settings) {
		this.defaults = settings.dimensions();
		this.highResolution = settings.highResolution();
	}

	EmfSeries create(String name, List<Tag> tags, String unit, boolean distribution) {
		EmfSeries series = new EmfSeries(name, unit, this.dimensions.computeIfAbsent(tags, this::dimensionsOf),
				distribution, this.highResolution);
		if (!series.hasValidName()) {
			logger.warn("Metric '{}' is not written: CloudWatch takes metric names of 1 to {} characters, not blank",
					name, EmfSeries.MAX_NAME_LENGTH);
		}
		else if (series.clashes()) {
			logger.warn("Metric '{}' is not written: a dimension of its own, or a member every document has, has the "
					+ "same name", name);
		}
		return series;
	}

	private Dimensions dimensionsOf(List<Tag> tags) {
		Map<String, String> pairs = new LinkedHashMap<>(this.defaults);
		for (Tag tag : tags) {
			pairs.put(tag.getKey(), tag.getValue());
		}
		Dimensions dimensions = Dimensions.of(pairs);
		if (!dimensions.demoted().isEmpty()) {
			logger.warn("Tags {} of {} are written as plain members, not dimensions: EMF takes at most {} dimensions, "
					+ "each a name and a non-blank value in printable ASCII", dimensions.demoted(), tags,
					Dimensions.MAX_DIMENSIONS);
		}
		return dimensions;
	}

}
