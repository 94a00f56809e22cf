package dev.lambdaruntime.maven;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Links the smallest JRE the application runs on: the modules its classes name (jdeps), plus {@code jdk.unsupported}
 * (libraries reach it by reflection) and the modules the user adds.
 */
final class JreLinker {

	private final ProcessRunner runner;

	JreLinker(ProcessRunner runner) {
		this.runner = runner;
	}

	/**
	 * Links {@code taskRoot/jre}.
	 * @param jdk the JDK whose jdeps and jlink run
	 * @param taskRoot the task root, with the extracted {@code app/}
	 * @param addModules modules to add to what jdeps finds
	 * @return the modules linked
	 */
	String link(Jdk jdk, Path taskRoot, List<String> addModules) throws IOException {
		String found = this.runner.run("jdeps", List.of(jdk.tool("jdeps").toString(), "--print-module-deps",
				"--ignore-missing-deps", "--multi-release", String.valueOf(jdk.feature()), "--recursive",
				"--class-path", "app/lib/*", "app/app.jar"), taskRoot);
		String modules = modules(found, addModules);
		// No --compress: the zip compresses the image better than jlink does resource by resource, and the JVM reads
		// resources straight from the mapped image. Even zip-0 wraps each one, so that every read goes through jlink's
		// decompressor (0.4 MB more peak RSS in the sample's function.zip).
		this.runner.run("jlink", List.of(jdk.tool("jlink").toString(), "--add-modules", modules, "--strip-debug",
				"--no-header-files", "--no-man-pages", "--output", "jre"), taskRoot);
		return modules;
	}

	/**
	 * The modules to link.
	 * @param jdepsOutput what {@code jdeps --print-module-deps} printed: warnings, then the modules on the last line
	 * @param addModules modules to add
	 * @return the modules, sorted and comma-separated
	 */
	static String modules(String jdepsOutput, List<String> addModules) {
		List<String> lines = jdepsOutput.lines().filter((line) -> !line.isBlank()).toList();
		List<String> all = new ArrayList<>();
		if (!lines.isEmpty()) {
			all.addAll(List.of(lines.get(lines.size() - 1).trim().split(",")));
		}
		all.add("jdk.unsupported");
		addModules.forEach((module) -> all.addAll(List.of(module.split(","))));
		TreeSet<String> modules = new TreeSet<>();
		all.stream().map(String::trim).filter((module) -> !module.isEmpty()).forEach(modules::add);
		return String.join(",", modules);
	}

}
