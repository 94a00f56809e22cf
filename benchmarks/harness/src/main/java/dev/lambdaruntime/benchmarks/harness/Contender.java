package dev.lambdaruntime.benchmarks.harness;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One runtime under test: how to start it for a given function.
 *
 * @param key short name used in options and logs
 * @param number the contender's number in issue 5's list
 * @param title what the report calls it
 * @param command the command line
 * @param workingDirectory where it runs (also its {@code LAMBDA_TASK_ROOT})
 * @param environment extra environment for a function name ({@code greet} or {@code slow})
 */
record Contender(String key, int number, String title, List<String> command, Path workingDirectory,
		Function<String, Map<String, String>> environment) {

	static final String OURS_JAR = "ours-jar";

	static final String OURS_ZIP = "ours-zip";

	static final String SCF = "scf";

	static final String RIC = "ric";

	static final String FLOOR = "floor";

	static final String SPRING_FLOOR = "spring-floor";

	static final String OURS_MANAGED = "ours-managed";

	static final String OURS_NO_METRICS = "ours-no-metrics";

	static final String OURS_EXTRACTED = "ours-extracted";

	static final String WEB_STARTER = "web-starter";

	static final String WEB_STARTER_SERVER = "web-starter-server";

	String label() {
		return "(" + this.number + ") " + this.title;
	}

}
