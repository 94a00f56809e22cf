package dev.lambdaruntime.sample;

/**
 * What {@code orders} answers for an accepted order.
 *
 * @param orderId the id given to the order
 * @param item what was ordered
 * @param quantity how many
 */
public record Receipt(String orderId, String item, int quantity) {

}
