package dev.lambdaruntime.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Extracts the Boot jar into the task root with Boot's own jar mode: {@code app/app.jar}, whose manifest
 * {@code Class-Path} names {@code lib/*.jar}. The JVM then reads plain jars, with no nested-jar loader at start-up.
 */
final class AppExtractor {

	private final ProcessRunner runner;

	AppExtractor(ProcessRunner runner) {
		this.runner = runner;
	}

	/**
	 * Extracts the jar to {@code taskRoot/app}.
	 * @param jdk the JDK whose {@code java} runs the jar mode
	 * @param jar the Boot jar
	 * @param taskRoot the task root
	 * @return the extracted application jar, {@code taskRoot/app/app.jar}
	 */
	Path extract(Jdk jdk, BootJar jar, Path taskRoot) throws IOException {
		Path app = taskRoot.resolve("app");
		this.runner.run("extract", List.of(jdk.tool("java").toString(), "-Djarmode=tools", "-jar",
				jar.file().toString(), "extract", "--destination", app.toString()), taskRoot);
		Path appJar = app.resolve("app.jar");
		Files.move(app.resolve(jar.file().getFileName()), appJar);
		return appJar;
	}

}
