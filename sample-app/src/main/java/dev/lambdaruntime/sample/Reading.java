package dev.lambdaruntime.sample;

/**
 * One sensor reading, the input of {@code stats}.
 *
 * @param sensor the sensor's name
 * @param value the value read
 */
public record Reading(String sensor, double value) {

}
