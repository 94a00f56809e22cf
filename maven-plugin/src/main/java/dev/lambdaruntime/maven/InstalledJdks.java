package dev.lambdaruntime.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The JDK homes installed where package managers and JDK tools put them, for a build that names none: the
 * directories Gradle's toolchain detection also looks in, and the {@code JAVA_HOME_<n>_X64} variables that CI
 * images (GitHub Actions' setup-java, Azure Pipelines) set.
 */
final class InstalledJdks {

	private static final List<String> SYSTEM_ROOTS = List.of("/usr/lib/jvm", "/usr/java", "/opt/java",
			"/Library/Java/JavaVirtualMachines");

	private static final List<String> USER_ROOTS = List.of(".sdkman/candidates/java", ".jdks",
			".asdf/installs/java", ".local/share/mise/installs/java", ".gradle/jdks");

	private InstalledJdks() {
	}

	/**
	 * Directories that may be JDK homes, those the environment names first.
	 * @param environment the process environment
	 * @param userHome the user's home directory
	 * @return the candidate homes, unchecked
	 * @throws IOException when a root cannot be listed
	 */
	static List<Path> candidates(Map<String, String> environment, Path userHome) throws IOException {
		List<Path> candidates = new ArrayList<>();
		environment.entrySet()
			.stream()
			.filter((variable) -> variable.getKey().matches("JAVA_HOME_\\d+_X64"))
			.map((variable) -> Path.of(variable.getValue()))
			.forEach(candidates::add);
		for (String root : SYSTEM_ROOTS) {
			addChildren(Path.of(root), candidates);
		}
		for (String root : USER_ROOTS) {
			addChildren(userHome.resolve(root), candidates);
		}
		return candidates;
	}

	private static void addChildren(Path root, List<Path> candidates) throws IOException {
		if (!Files.isDirectory(root)) {
			return;
		}
		try (Stream<Path> children = Files.list(root)) {
			children.sorted().forEach((child) -> {
				candidates.add(child);
				// macOS bundles keep the home two levels down.
				candidates.add(child.resolve("Contents/Home"));
			});
		}
	}

}
