package dev.lambdaruntime.sample;

/**
 * A sensor's statistics so far, the output of {@code stats}.
 *
 * @param sensor the sensor's name
 * @param count how many readings it has had
 * @param mean their mean
 */
public record SensorStats(String sensor, long count, double mean) {

}
