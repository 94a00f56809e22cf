package dev.lambdaruntime.emulator;

/**
 * The faults an emulator injects into its Runtime and Extensions APIs: scripted ones for the next requests to an
 * endpoint, taken first, and random ones drawn from a seeded generator. Thread-safe; changes apply to the next
 * request.
 */
public interface Faults {

	/**
	 * Injects a fault into the next request to an endpoint, after those already scripted for it.
	 * @param endpoint the endpoint
	 * @param fault the fault
	 * @return these faults
	 */
	default Faults next(Endpoint endpoint, Fault fault) {
		return next(endpoint, fault, 1);
	}

	/**
	 * Injects a fault into the next {@code times} requests to an endpoint, after those already scripted for it.
	 * @param endpoint the endpoint
	 * @param fault the fault
	 * @param times how many requests, at least 1
	 * @return these faults
	 */
	Faults next(Endpoint endpoint, Fault fault, int times);

	/**
	 * Injects a fault at random: each request to one of the endpoints that no scripted fault took gets it with the
	 * given probability. Rules are tried in the order they were added; the first that fires wins.
	 * @param fault the fault
	 * @param probability from 0 to 1
	 * @param endpoints where; none for every endpoint
	 * @return these faults
	 */
	Faults random(Fault fault, double probability, Endpoint... endpoints);

	/**
	 * Restarts the random generator from a seed, so a run can be repeated; the seed is 0 until set. With several
	 * connections the order of requests, and so which one a draw hits, may still vary.
	 * @param seed the seed
	 * @return these faults
	 */
	Faults seed(long seed);

	/**
	 * Drops every scripted fault not yet used and every random rule.
	 */
	void clear();

	/**
	 * How many faults were injected so far.
	 * @return the count
	 */
	int injected();

	/**
	 * How many faults were injected into one endpoint so far.
	 * @param endpoint the endpoint
	 * @return the count
	 */
	int injected(Endpoint endpoint);

}
