package dev.lambdaruntime.sample;

/**
 * An order, the input of {@code orders} and {@code ingest}.
 *
 * @param item what is ordered
 * @param quantity how many
 */
public record Order(String item, int quantity) {

}
