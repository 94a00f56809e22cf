package dev.lambdaruntime.benchmarks.harness;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.DoublePredicate;

/**
 * The Markdown report: medians over the runs, each as a ratio to the floor and to Spring Cloud Function's custom
 * runtime, and issue 5's goals checked against those medians.
 */
final class Report {

	private static final List<Metric> TABLE = List.of(Metric.STARTUP, Metric.FIRST_INVOCATION, Metric.COLD_TOTAL,
			Metric.WARM_P50, Metric.WARM_P99, Metric.THROUGHPUT, Metric.PEAK_RSS, Metric.SLOW_SINGLE,
			Metric.SLOW_CONCURRENT, Metric.CONCURRENCY_GAIN);

	private static final List<Metric> RATIOS = List.of(Metric.STARTUP, Metric.FIRST_INVOCATION, Metric.COLD_TOTAL,
			Metric.WARM_P50, Metric.WARM_P99, Metric.THROUGHPUT, Metric.PEAK_RSS, Metric.SLOW_CONCURRENT);

	private final Options options;

	private final List<Contender> contenders;

	private final List<TrialResult> results;

	private final List<String> setting;

	Report(Options options, List<Contender> contenders, List<TrialResult> results, List<String> setting) {
		this.options = options;
		this.contenders = contenders;
		this.results = results;
		this.setting = setting;
	}

	String markdown() {
		StringBuilder md = new StringBuilder();
		md.append("# Benchmark results\n\n");
		this.setting.forEach((line) -> md.append("- ").append(line).append('\n'));
		md.append('\n');
		medians(md);
		if (has(Contender.FLOOR)) {
			ratios(md, Contender.FLOOR, "the floor (5)");
		}
		if (has(Contender.SCF)) {
			ratios(md, Contender.SCF, "Spring Cloud Function's custom runtime (3)");
		}
		if (has(Contender.SPRING_FLOOR)) {
			ratios(md, Contender.SPRING_FLOOR, "the Spring floor (6): what the runtime itself adds");
		}
		if (has(Contender.OURS_MANAGED) && has(Contender.RIC)) {
			ratios(md, Contender.RIC, "AWS RIC + SCF's FunctionInvoker (4): the same client, another handler");
		}
		if (has(Contender.OURS_JAR) && has(Contender.OURS_NO_METRICS)) {
			ratios(md, Contender.OURS_NO_METRICS, "(8), the same jar with metrics off: what the EMF metrics add");
		}
		if (has(Contender.WEB_STARTER_SERVER)) {
			ratios(md, Contender.WEB_STARTER_SERVER,
					"(11), the web starter's Tomcat kept: what starting no web server on Lambda saves");
		}
		goals(md);
		runs(md);
		problems(md);
		return md.toString();
	}

	private void medians(StringBuilder md) {
		md.append("## Medians over ").append(this.options.runs).append(" run(s)\n\n");
		header(md, "contender", TABLE.stream().map(Metric::header).toList());
		for (Contender contender : this.contenders) {
			List<String> cells = new ArrayList<>();
			for (Metric metric : TABLE) {
				cells.add(Metric.format(median(contender.key(), metric)));
			}
			row(md, contender.label() + runsNote(contender), cells);
		}
		md.append("\nStart-up: spawn to the first `GET /next`. First invocation and warm latency: event handed out to "
				+ "answer received, on the server's clock. Throughput: one worker, a batch of ")
			.append(this.options.throughput)
			.append(" events queued at once. Peak RSS: the process tree, greet run. Slow: `{\"ms\":")
			.append(this.options.slowMillis)
			.append("}` with `AWS_LAMBDA_MAX_CONCURRENCY=")
			.append(this.options.concurrency)
			.append("`, ")
			.append(this.options.slowSingle)
			.append(" invocations one at a time, then ")
			.append(this.options.slowRounds * this.options.concurrency)
			.append(" with up to ")
			.append(this.options.concurrency)
			.append(" out at once; gain = the second over the first.\n\n");
	}

	private String runsNote(Contender contender) {
		long ok = this.results.stream()
			.filter((result) -> result.contender().equals(contender.key()) && result.problems().isEmpty())
			.count();
		long all = this.results.stream().filter((result) -> result.contender().equals(contender.key())).count();
		return (ok == all) ? "" : " (" + ok + "/" + all + " runs clean)";
	}

	private void ratios(StringBuilder md, String referenceKey, String referenceTitle) {
		md.append("## Ratio to ").append(referenceTitle).append("\n\n");
		md.append("Contender's median over the reference's median (for throughput, higher is better; for the rest, "
				+ "lower is better).\n\n");
		header(md, "contender", RATIOS.stream().map(Metric::title).toList());
		for (Contender contender : this.contenders) {
			List<String> cells = new ArrayList<>();
			for (Metric metric : RATIOS) {
				cells.add(ratioText(ratio(contender.key(), referenceKey, metric)));
			}
			row(md, contender.label(), cells);
		}
		md.append('\n');
	}

	private void goals(StringBuilder md) {
		md.append("## Issue 5's goals, checked against these medians\n\n");
		for (String ours : List.of(Contender.OURS_JAR, Contender.OURS_ZIP)) {
			if (!has(ours)) {
				continue;
			}
			String who = ours.equals(Contender.OURS_JAR) ? "(1)" : "(2)";
			goal(md, "Warm median per invocation of " + who + " ≤ 2× the floor",
					ratio(ours, Contender.FLOOR, Metric.WARM_P50), (r) -> r <= 2);
			goal(md, "Warm median of " + who + " at least 10× faster than (3)",
					ratio(Contender.SCF, ours, Metric.WARM_P50), (r) -> r >= 10);
			goal(md, "Throughput of " + who + " ≥ 0.5× the floor", ratio(ours, Contender.FLOOR, Metric.THROUGHPUT),
					(r) -> r >= 0.5);
			if (ours.equals(Contender.OURS_JAR)) {
				goal(md, "Start-up of (1) ≤ 0.6× that of (3)", ratio(ours, Contender.SCF, Metric.STARTUP),
						(r) -> r <= 0.6);
			}
			else {
				goal(md, "Start-up of (2) ≤ 0.25× that of (3)", ratio(ours, Contender.SCF, Metric.STARTUP),
						(r) -> r <= 0.25);
			}
			goal(md, "First invocation of " + who + " ≤ 0.5× that of (3)",
					ratio(ours, Contender.SCF, Metric.FIRST_INVOCATION), (r) -> r <= 0.5);
			goal(md, "Peak RSS of " + who + " ≤ 0.5× that of (3)", ratio(ours, Contender.SCF, Metric.PEAK_RSS),
					(r) -> r <= 0.5);
			goal(md, "With AWS_LAMBDA_MAX_CONCURRENCY=" + this.options.concurrency + " and slow, throughput of " + who
					+ " ≥ 12× the one-at-a-time figure", median(ours, Metric.CONCURRENCY_GAIN), (r) -> r >= 12);
		}
		if (!has(Contender.OURS_ZIP)) {
			md.append("- [ ] Start-up of (2) ≤ 0.25× that of (3): not measured (no function.zip given)\n");
		}
		if (has(Contender.SPRING_FLOOR) && has(Contender.SCF)) {
			// The bound for any runtime on Spring Boot and SCF packaged as a plain jar, (1)'s packaging.
			md.append("\nThe Spring floor (6) itself, Boot and SCF's context with no runtime and the same packaging as (1): "
					+ "start-up " + ratioText(ratio(Contender.SPRING_FLOOR, Contender.SCF, Metric.STARTUP))
					+ " and peak RSS " + ratioText(ratio(Contender.SPRING_FLOOR, Contender.SCF, Metric.PEAK_RSS))
					+ " of (3). A plain-jar goal below these figures is out of reach for any runtime on them.\n");
		}
		md.append('\n');
	}

	private void goal(StringBuilder md, String goal, double measured, DoublePredicate met) {
		if (Double.isNaN(measured)) {
			md.append("- [ ] ").append(goal).append(": not measured\n");
			return;
		}
		boolean pass = met.test(measured);
		md.append("- [").append(pass ? "x" : " ").append("] ").append(goal).append(": ")
			.append(ratioText(measured)).append(pass ? " — **pass**" : " — **fail**").append('\n');
	}

	private void runs(StringBuilder md) {
		md.append("## Every run\n\n");
		header(md, "run, contender", TABLE.stream().map(Metric::header).toList());
		for (TrialResult result : this.results) {
			List<String> cells = new ArrayList<>();
			for (Metric metric : TABLE) {
				Double value = result.get(metric);
				cells.add((value != null) ? Metric.format(value) : "–");
			}
			row(md, result.run() + ", " + result.contender(), cells);
		}
		md.append('\n');
	}

	private void problems(StringBuilder md) {
		List<String> problems = new ArrayList<>();
		for (TrialResult result : this.results) {
			for (String problem : result.problems()) {
				problems.add("run " + result.run() + ", " + result.contender() + ": " + problem.replace("\n", "\n  "));
			}
		}
		if (!problems.isEmpty()) {
			md.append("## Problems\n\n");
			problems.forEach((problem) -> md.append("- ").append(problem).append('\n'));
			md.append('\n');
		}
	}

	private boolean has(String key) {
		return this.contenders.stream().anyMatch((contender) -> contender.key().equals(key));
	}

	double median(String key, Metric metric) {
		double[] values = this.results.stream()
			.filter((result) -> result.contender().equals(key))
			.map((result) -> result.get(metric))
			.filter(Objects::nonNull)
			.mapToDouble(Double::doubleValue)
			.sorted()
			.toArray();
		if (values.length == 0) {
			return Double.NaN;
		}
		int middle = values.length / 2;
		return (values.length % 2 == 1) ? values[middle] : (values[middle - 1] + values[middle]) / 2;
	}

	double ratio(String key, String referenceKey, Metric metric) {
		return median(key, metric) / median(referenceKey, metric);
	}

	private static String ratioText(double ratio) {
		if (Double.isNaN(ratio) || Double.isInfinite(ratio)) {
			return "–";
		}
		return String.format(Locale.ROOT, (ratio >= 10) ? "%.0f×" : "%.2f×", ratio);
	}

	private static void header(StringBuilder md, String first, List<String> titles) {
		row(md, first, titles);
		String[] rule = new String[titles.size()];
		Arrays.fill(rule, "---:");
		md.append("|---|").append(String.join("|", rule)).append("|\n");
	}

	private static void row(StringBuilder md, String first, List<String> cells) {
		md.append("| ").append(first).append(" | ").append(String.join(" | ", cells)).append(" |\n");
	}

}
