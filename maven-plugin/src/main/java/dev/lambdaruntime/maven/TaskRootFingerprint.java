package dev.lambdaruntime.maven;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

/**
 * Every input that decides the task root's bytes (and so {@code function.zip}'s and the container context's), by
 * name: a value, or a digest of what a file or jar holds. Two builds with equal fingerprints write the same task root.
 */
final class TaskRootFingerprint {

	private final SortedMap<String, String> inputs;

	/**
	 * A fingerprint with no inputs yet: add them with {@link #with}.
	 */
	TaskRootFingerprint() {
		this(new TreeMap<>());
	}

	private TaskRootFingerprint(SortedMap<String, String> inputs) {
		this.inputs = inputs;
	}

	/**
	 * The fingerprint of {@link FunctionZip#buildTaskRoot}'s inputs, with the plugin's own classes (the forked JVMs'
	 * class path, which trains the cache); add what else the outputs depend on with {@link #with}.
	 * @param jdk the JDK 25 for jlink and the cache: its home and its {@code release} file
	 * @param jar the Boot jar: the names and contents of its entries, not their times or order
	 * @param addModules modules to add to what jdeps finds
	 * @param jvmOptions further JVM options for the bootstrap
	 * @param training what the training run invokes: the event files' contents, in order
	 * @return the fingerprint
	 */
	static TaskRootFingerprint of(Jdk jdk, BootJar jar, List<String> addModules, List<String> jvmOptions,
			AotCacheTrainer.Training training) throws IOException {
		TaskRootFingerprint fingerprint = new TaskRootFingerprint();
		List<String> plugin = new ArrayList<>();
		for (String entry : ForkClassPath.entries()) {
			plugin.add(ContentDigest.entries(Path.of(entry)));
		}
		fingerprint.with("pluginClasses", plugin)
			.with("jdk", jdk.version() + " " + jdk.os() + " " + jdk.arch() + " at " + jdk.home())
			.with("jdk.release", ContentDigest.file(jdk.home().resolve("release")))
			.with("jar", ContentDigest.entries(jar.file()))
			.with("springAot", String.valueOf(jar.springAot()))
			.with("addModules", addModules)
			.with("jvmOptions", jvmOptions)
			.with("function", training.function());
		List<String> events = new ArrayList<>();
		for (Path event : training.events()) {
			events.add(ContentDigest.file(event));
		}
		fingerprint.with("trainingEvents", events);
		if (!events.isEmpty()) {
			// Without events the training run only starts the function: the count does not matter.
			fingerprint.with("trainingInvocations", String.valueOf(training.invocations()));
		}
		return fingerprint;
	}

	/**
	 * Adds an input.
	 * @param name its name
	 * @param value its value
	 * @return this fingerprint
	 */
	TaskRootFingerprint with(String name, String value) {
		this.inputs.put(name, value);
		return this;
	}

	/**
	 * Adds a list: its size as {@code name}, its values as {@code name.0}, {@code name.1}, ...
	 * @param name its name
	 * @param values its values, in order
	 * @return this fingerprint
	 */
	TaskRootFingerprint with(String name, List<String> values) {
		this.inputs.put(name, String.valueOf(values.size()));
		for (int i = 0; i < values.size(); i++) {
			this.inputs.put(name + "." + i, values.get(i));
		}
		return this;
	}

	/**
	 * A list that {@link #with(String, List)} added.
	 * @param name its name
	 * @return its values, none when there is no such list
	 */
	List<String> list(String name) {
		int size = Integer.parseInt(this.inputs.getOrDefault(name, "0"));
		List<String> values = new ArrayList<>();
		for (int i = 0; i < size; i++) {
			values.add(this.inputs.getOrDefault(name + "." + i, ""));
		}
		return values;
	}

	/**
	 * What differs from another fingerprint.
	 * @param other another fingerprint, e.g. the last build's
	 * @return the names of the inputs that differ, or are in only one of the two, a list's items under its name
	 */
	Set<String> changedFrom(TaskRootFingerprint other) {
		Set<String> changed = new LinkedHashSet<>();
		Set<String> names = new TreeSet<>(this.inputs.keySet());
		names.addAll(other.inputs.keySet());
		for (String name : names) {
			if (!Objects.equals(this.inputs.get(name), other.inputs.get(name))) {
				changed.add(name.replaceFirst("\\.\\d+$", ""));
			}
		}
		return changed;
	}

	Map<String, String> inputs() {
		return Collections.unmodifiableMap(this.inputs);
	}

	/**
	 * Writes the fingerprint as properties.
	 * @param file where
	 */
	void writeTo(Path file) throws IOException {
		Properties properties = new Properties();
		properties.putAll(this.inputs);
		Files.createDirectories(file.toAbsolutePath().getParent());
		try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			properties.store(writer, "What function.zip and container/ were built from (lambda-runtime-maven-plugin)");
		}
	}

	/**
	 * Reads what {@link #writeTo} wrote.
	 * @param file where
	 * @return the fingerprint, or empty when there is no such file
	 */
	static Optional<TaskRootFingerprint> read(Path file) throws IOException {
		if (!Files.isRegularFile(file)) {
			return Optional.empty();
		}
		Properties properties = new Properties();
		try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		SortedMap<String, String> inputs = new TreeMap<>();
		properties.stringPropertyNames().forEach((name) -> inputs.put(name, properties.getProperty(name)));
		return Optional.of(new TaskRootFingerprint(inputs));
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return other instanceof TaskRootFingerprint fingerprint && this.inputs.equals(fingerprint.inputs);
	}

	@Override
	public int hashCode() {
		return this.inputs.hashCode();
	}

	@Override
	public String toString() {
		return this.inputs.toString();
	}

}
