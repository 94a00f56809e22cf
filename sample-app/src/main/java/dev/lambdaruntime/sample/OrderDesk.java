package dev.lambdaruntime.sample;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Accepts valid orders and keeps their receipts in memory, for as long as the execution environment lives.
 */
public class OrderDesk {

	private final AtomicLong ids = new AtomicLong();

	private final List<Receipt> receipts = new CopyOnWriteArrayList<>();

	/**
	 * Accepts an order.
	 * @param order the order
	 * @return its receipt
	 * @throws InvalidOrderException when it names no item or not a positive quantity
	 */
	public Receipt place(Order order) {
		if (order.item() == null || order.item().isBlank()) {
			throw new InvalidOrderException("An order needs an item");
		}
		if (order.quantity() < 1) {
			throw new InvalidOrderException("An order needs a quantity of at least 1");
		}
		Receipt receipt = new Receipt("order-" + this.ids.incrementAndGet(), order.item(), order.quantity());
		this.receipts.add(receipt);
		return receipt;
	}

	/**
	 * The receipts of the orders accepted so far.
	 * @return the receipts, oldest first
	 */
	public List<Receipt> receipts() {
		return List.copyOf(this.receipts);
	}

}
