package dev.lambdaruntime.benchmarks.harness;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The sample app's jar extracted to a plain class path, its classes and then its jars in the jar's own order, with
 * or without the jars {@code spring-boot-starter-web} adds (benchmarks/web-starter): a web application moved to
 * Lambda with its web starter kept, measured without a second build of the sample.
 */
final class ExtractedSample {

	static final String MAIN_CLASS = "dev.lambdaruntime.sample.SampleApplication";

	private ExtractedSample() {
	}

	/**
	 * The class path of the extracted sample.
	 * @param task where the jar was extracted
	 * @param webLib the web starter's jars, or {@code null} for the sample alone
	 */
	static String classPath(Path task, Path webLib) throws IOException {
		Path bootInf = task.resolve("BOOT-INF");
		List<String> entries = new ArrayList<>();
		entries.add(bootInf.resolve("classes").toString());
		// BOOT-INF/classpath.idx: the jar's class path order, one "- \"BOOT-INF/lib/x.jar\"" line per jar.
		for (String line : Files.readAllLines(bootInf.resolve("classpath.idx"))) {
			String jar = line.replaceFirst("^- \"", "").replaceFirst("\"$", "");
			entries.add(task.resolve(jar).toString());
		}
		if (webLib != null) {
			Set<String> own = entries.stream()
				.map((entry) -> Path.of(entry).getFileName().toString())
				.collect(Collectors.toSet());
			try (Stream<Path> jars = Files.list(webLib)) {
				// Only what the starter adds: the jars both have are the same versions, from Boot's BOM.
				jars.filter((jar) -> !own.contains(jar.getFileName().toString()))
					.map(Path::toString)
					.sorted()
					.forEach(entries::add);
			}
		}
		return String.join(File.pathSeparator, entries);
	}

}
