package dev.lambdaruntime.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.maven.plugin.logging.Log;

/**
 * Builds the custom runtime's task root (the extracted app, a jlinked JRE, the bootstrap and an AOT cache trained on
 * it) and zips it as {@code function.zip} for {@code provided.al2023} (x86_64).
 */
final class FunctionZip {

	static final String FILE = "function.zip";

	private final Log log;

	private final ProcessRunner runner;

	private final Path work;

	/**
	 * A builder.
	 * @param log where progress goes
	 * @param work where the task root, the logs and the cache check go
	 */
	FunctionZip(Log log, Path work) {
		this.log = log;
		this.work = work;
		this.runner = new ProcessRunner(work.resolve("logs"));
	}

	/**
	 * Builds the task root, {@code WORK/function}, as Lambda unzips it.
	 * @param jdk the JDK 25 for jlink and the cache
	 * @param jar the application's Boot jar
	 * @param addModules JRE modules to add to what jdeps finds
	 * @param jvmOptions further JVM options for the bootstrap
	 * @param training what the cache's training run invokes
	 * @return the task root
	 */
	Path buildTaskRoot(Jdk jdk, BootJar jar, List<String> addModules, List<String> jvmOptions,
			AotCacheTrainer.Training training) throws IOException {
		Path root = this.work.resolve("function");
		Directories.delete(root);
		Files.createDirectories(root);
		new AppExtractor(this.runner).extract(jdk, jar, root);
		this.log.info("Extracted " + jar.file().getFileName() + " (Start-Class " + jar.startClass() + ", Spring AOT "
				+ (jar.springAot() ? "found: the bootstrap turns it on" : "not in the jar") + ")");
		String modules = new JreLinker(this.runner).link(jdk, root, addModules);
		this.log.info("Linked a JRE from JDK " + jdk.version() + ": " + modules);
		new Bootstrap(jar.springAot(), jvmOptions).writeTo(root);
		FileTimes.fix(root);
		AotCacheTrainer trainer = new AotCacheTrainer(this.runner, this.work);
		this.log.info("Training the AOT cache: " + describe(training));
		this.log.info("Trained: " + trainer.train(jdk, root, training));
		this.log.info("A copy elsewhere starts with it: " + trainer.checkTravels(jdk, root, training).trim());
		return root;
	}

	/**
	 * Zips the task root.
	 * @param root the task root
	 * @param zip the file to write
	 */
	void zip(Path root, Path zip) throws IOException {
		try (ReproducibleZip out = new ReproducibleZip(zip)) {
			out.addTree(root, "");
		}
		this.log.info("Wrote " + zip + " (" + Files.size(zip) / 1024 / 1024 + " MiB)");
	}

	private static String describe(AotCacheTrainer.Training training) {
		String function = training.function().isBlank() ? "the application's function"
				: "function '" + training.function() + "'";
		return training.events().isEmpty() ? function + " started, no events (set trainingEvents to invoke it)"
				: function + ", " + training.invocations() + " invocations of " + training.events().size()
						+ " event(s)";
	}

}
