package dev.lambdaruntime.emulator.lambda;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;

import dev.lambdaruntime.emulator.Endpoint;
import dev.lambdaruntime.emulator.Fault;
import dev.lambdaruntime.emulator.Faults;
import org.jspecify.annotations.Nullable;

/**
 * Decides, request by request, which fault the Runtime and Extensions APIs inject: the scripted ones first, in order,
 * then the random rules with one seeded generator.
 */
public final class FaultPlan implements Faults {

	private final Map<Endpoint, Deque<Scripted>> scripted = new EnumMap<>(Endpoint.class);

	private final List<RandomRule> rules = new ArrayList<>();

	private final int[] injected = new int[Endpoint.values().length];

	private Random random = new Random(0);

	@Override
	public synchronized Faults next(Endpoint endpoint, Fault fault, int times) {
		Objects.requireNonNull(fault, "fault");
		if (times < 1) {
			throw new IllegalArgumentException("times must be at least 1, not " + times);
		}
		this.scripted.computeIfAbsent(endpoint, (key) -> new ArrayDeque<>()).add(new Scripted(fault, times));
		return this;
	}

	@Override
	public synchronized Faults random(Fault fault, double probability, Endpoint... endpoints) {
		Objects.requireNonNull(fault, "fault");
		if (!(probability >= 0 && probability <= 1)) {
			throw new IllegalArgumentException("probability must be from 0 to 1, not " + probability);
		}
		Set<Endpoint> where = (endpoints.length == 0) ? EnumSet.allOf(Endpoint.class)
				: EnumSet.copyOf(List.of(endpoints));
		this.rules.add(new RandomRule(fault, probability, where));
		return this;
	}

	@Override
	public synchronized Faults seed(long seed) {
		this.random = new Random(seed);
		return this;
	}

	@Override
	public synchronized void clear() {
		this.scripted.clear();
		this.rules.clear();
	}

	@Override
	public synchronized int injected() {
		int total = 0;
		for (int count : this.injected) {
			total += count;
		}
		return total;
	}

	@Override
	public synchronized int injected(Endpoint endpoint) {
		return this.injected[endpoint.ordinal()];
	}

	/**
	 * The fault for a request that just arrived, if any; counted as injected.
	 * @param endpoint where it arrived
	 * @return the fault, or {@code null} to behave
	 */
	synchronized @Nullable Fault take(Endpoint endpoint) {
		Fault fault = takeScripted(endpoint);
		if (fault == null) {
			for (RandomRule rule : this.rules) {
				if (rule.endpoints().contains(endpoint) && this.random.nextDouble() < rule.probability()) {
					fault = rule.fault();
					break;
				}
			}
		}
		if (fault != null) {
			this.injected[endpoint.ordinal()]++;
		}
		return fault;
	}

	private @Nullable Fault takeScripted(Endpoint endpoint) {
		Deque<Scripted> queue = this.scripted.get(endpoint);
		Scripted next = (queue != null) ? queue.peek() : null;
		if (next == null) {
			return null;
		}
		if (--next.remaining == 0) {
			queue.poll();
		}
		return next.fault;
	}

	/**
	 * A fault for the next few requests to one endpoint.
	 */
	private static final class Scripted {

		private final Fault fault;

		private int remaining;

		Scripted(Fault fault, int times) {
			this.fault = fault;
			this.remaining = times;
		}

	}

	private record RandomRule(Fault fault, double probability, Set<Endpoint> endpoints) {
	}

}
