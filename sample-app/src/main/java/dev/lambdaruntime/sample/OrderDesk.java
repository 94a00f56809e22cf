package dev.lambdaruntime.sample;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Accepts valid orders and keeps their receipts in memory, for as long as the execution environment lives; counts
 * them as it goes (on Lambda, CloudWatch metrics written with each invocation).
 */
public class OrderDesk {

	private final AtomicLong ids = new AtomicLong();

	private final List<Receipt> receipts = new CopyOnWriteArrayList<>();

	private final Counter placed;

	private final DistributionSummary quantities;

	private final Counter missingItem;

	private final Counter tooFew;

	/**
	 * A desk that records its business metrics in a registry.
	 * @param registry where orders are counted
	 */
	public OrderDesk(MeterRegistry registry) {
		this.placed = Counter.builder("orders.placed").description("Orders accepted").register(registry);
		this.quantities = DistributionSummary.builder("orders.quantity")
			.description("Items per accepted order")
			.register(registry);
		this.missingItem = rejected(registry, "missing-item");
		this.tooFew = rejected(registry, "quantity-below-1");
	}

	private static Counter rejected(MeterRegistry registry, String reason) {
		return Counter.builder("orders.rejected")
			.description("Invalid orders")
			.tag("reason", reason)
			.register(registry);
	}

	/**
	 * Accepts an order.
	 * @param order the order
	 * @return its receipt
	 * @throws InvalidOrderException when it names no item or not a positive quantity
	 */
	public Receipt place(Order order) {
		if (order.item() == null || order.item().isBlank()) {
			this.missingItem.increment();
			throw new InvalidOrderException("An order needs an item");
		}
		if (order.quantity() < 1) {
			this.tooFew.increment();
			throw new InvalidOrderException("An order needs a quantity of at least 1");
		}
		Receipt receipt = new Receipt("order-" + this.ids.incrementAndGet(), order.item(), order.quantity());
		this.receipts.add(receipt);
		this.placed.increment();
		this.quantities.record(order.quantity());
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
