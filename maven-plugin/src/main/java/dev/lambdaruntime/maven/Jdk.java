package dev.lambdaruntime.maven;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * A JDK's home and what its {@code release} file says about it.
 *
 * @param home the JDK's home directory
 * @param version the full version, e.g. {@code 25.0.3}
 * @param os the operating system, e.g. {@code Linux}
 * @param arch the architecture, e.g. {@code x86_64}
 */
record Jdk(Path home, String version, String os, String arch) {

	/**
	 * Reads a JDK's {@code release} file.
	 * @param home the JDK's home
	 * @return the JDK, or empty when {@code home} is not a JDK (no {@code release} file or no {@code bin/jlink})
	 * @throws IOException when the file cannot be read
	 */
	static Optional<Jdk> read(Path home) throws IOException {
		Path release = home.resolve("release");
		if (!Files.isRegularFile(release) || !Files.isRegularFile(home.resolve("bin/jlink"))) {
			return Optional.empty();
		}
		Properties properties = new Properties();
		try (Reader reader = Files.newBufferedReader(release)) {
			properties.load(reader);
		}
		return Optional.of(new Jdk(home, unquote(properties.getProperty("JAVA_VERSION")),
				unquote(properties.getProperty("OS_NAME")), unquote(properties.getProperty("OS_ARCH"))));
	}

	/**
	 * The feature release: 25 for {@code 25.0.3}, 0 when unknown.
	 * @return the feature release
	 */
	int feature() {
		String digits = this.version.replaceFirst("^(\\d+).*$", "$1");
		return digits.matches("\\d+") ? Integer.parseInt(digits) : 0;
	}

	/**
	 * Whether its JRE and AOT caches run on Lambda's x86_64 {@code provided.al2023}.
	 * @return {@code true} for a Linux x86_64 JDK
	 */
	boolean isLinuxX64() {
		return this.os.equals("Linux") && (this.arch.equals("x86_64") || this.arch.equals("amd64"));
	}

	Path tool(String name) {
		return this.home.resolve("bin").resolve(name);
	}

	private static String unquote(String value) {
		return (value != null) ? value.replaceAll("^\"|\"$", "").trim() : "";
	}

}
