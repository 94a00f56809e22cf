package dev.lambdaruntime.benchmarks.harness;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What one run of one contender measured, and what went wrong if anything did.
 */
final class TrialResult {

	private final String contender;

	private final int run;

	private final Map<Metric, Double> values = new EnumMap<>(Metric.class);

	private final List<String> problems = new ArrayList<>();

	TrialResult(String contender, int run) {
		this.contender = contender;
		this.run = run;
	}

	String contender() {
		return this.contender;
	}

	int run() {
		return this.run;
	}

	void put(Metric metric, double value) {
		this.values.put(metric, value);
	}

	Double get(Metric metric) {
		return this.values.get(metric);
	}

	void problem(String problem) {
		this.problems.add(problem);
	}

	List<String> problems() {
		return this.problems;
	}

	Map<Metric, Double> values() {
		return this.values;
	}

}
