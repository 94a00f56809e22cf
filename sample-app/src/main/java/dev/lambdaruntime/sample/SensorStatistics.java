package dev.lambdaruntime.sample;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Running count and mean per sensor, kept in memory for as long as the execution environment lives.
 */
public class SensorStatistics {

	private final Map<String, SensorStats> bySensor = new ConcurrentHashMap<>();

	/**
	 * Adds a reading.
	 * @param reading the reading
	 * @return the sensor's statistics including it
	 */
	public SensorStats record(Reading reading) {
		if (reading.sensor() == null || reading.sensor().isBlank()) {
			throw new IllegalArgumentException("A reading needs a sensor name");
		}
		return this.bySensor.merge(reading.sensor(), new SensorStats(reading.sensor(), 1, reading.value()),
				(stats, one) -> {
					long count = stats.count() + 1;
					return new SensorStats(stats.sensor(), count, stats.mean() + (one.mean() - stats.mean()) / count);
				});
	}

}
