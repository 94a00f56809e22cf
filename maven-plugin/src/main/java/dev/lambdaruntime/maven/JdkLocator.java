package dev.lambdaruntime.maven;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * Finds the JDK 25 or later for Linux x86_64 that jlink and the AOT cache need: a {@code jdk} toolchain of version
 * 25 or later first, then the {@code jdk} parameter, then the JVM Maven runs on when it is one, and last one installed
 * where JDKs usually are ({@link InstalledJdks}), so that a machine with a JDK 25 builds without configuration.
 */
final class JdkLocator {

	static final int MINIMUM = 25;

	static final String HOW_TO_SET = """
			Either declare a JDK 25 toolchain in ~/.m2/toolchains.xml:
			  <toolchain><type>jdk</type><provides><version>25</version></provides>
			    <configuration><jdkHome>/path/to/jdk-25</jdkHome></configuration></toolchain>
			or give its home with -Dlambda-runtime.jdk=/path/to/jdk-25 (<jdk> in the plugin's configuration).
			Without one, skip what needs it: -Dlambda-runtime.skipFunctionZip -Dlambda-runtime.skipContainer.""";

	private JdkLocator() {
	}

	/**
	 * The JDK to use.
	 * @param toolchain the home of the matching toolchain, if any
	 * @param parameter the {@code jdk} parameter, if set
	 * @param maven the home of the JVM Maven runs on
	 * @param installed homes that may hold a JDK, checked last
	 * @return the JDK
	 * @throws IllegalStateException with a message that says what to set
	 */
	static Jdk locate(@Nullable Path toolchain, @Nullable Path parameter, Path maven, List<Path> installed)
			throws IOException {
		if (toolchain != null) {
			return check(toolchain, "The jdk toolchain");
		}
		if (parameter != null) {
			return check(parameter, "lambda-runtime.jdk");
		}
		Optional<Jdk> own = Jdk.read(maven);
		if (own.isPresent() && own.get().feature() >= MINIMUM) {
			return check(maven, "Maven's own JVM");
		}
		Optional<Jdk> found = oldestSuitable(installed);
		if (found.isPresent()) {
			return found.get();
		}
		throw new IllegalStateException("function.zip and the container image need a JDK " + MINIMUM
				+ " or later for Linux x86_64 (jlink and the AOT cache), and none is set or installed where JDKs "
				+ "usually are (/usr/lib/jvm, SDKMAN!, ~/.jdks, JAVA_HOME_25_X64): Maven runs on "
				+ own.map((jdk) -> "JDK " + jdk.version()).orElse("a JRE") + " (" + maven + ").\n" + HOW_TO_SET);
	}

	/**
	 * The installed JDK of the lowest feature release from 25 up (the one Lambda's newest runtime runs), its newest
	 * update.
	 */
	private static Optional<Jdk> oldestSuitable(List<Path> installed) throws IOException {
		List<Jdk> suitable = new ArrayList<>();
		for (Path home : installed) {
			Jdk.read(home).filter((jdk) -> jdk.feature() >= MINIMUM && jdk.isLinuxX64()).ifPresent(suitable::add);
		}
		return suitable.stream()
			.min(Comparator.comparingInt(Jdk::feature).thenComparing(JdkLocator::version, Comparator.reverseOrder()));
	}

	private static Runtime.Version version(Jdk jdk) {
		try {
			return Runtime.Version.parse(jdk.version());
		}
		catch (IllegalArgumentException ex) {
			return Runtime.Version.parse(String.valueOf(jdk.feature()));
		}
	}

	private static Jdk check(Path home, String source) throws IOException {
		Jdk jdk = Jdk.read(home)
			.orElseThrow(() -> new IllegalStateException(source + " names " + home + ", which is not a JDK (no release "
					+ "file or bin/jlink).\n" + HOW_TO_SET));
		if (jdk.feature() < MINIMUM) {
			throw new IllegalStateException(source + " names JDK " + jdk.version() + " (" + home + "); function.zip "
					+ "needs JDK " + MINIMUM + " or later for its AOT cache.\n" + HOW_TO_SET);
		}
		if (!jdk.isLinuxX64()) {
			throw new IllegalStateException(source + " names a JDK for " + jdk.os() + " " + jdk.arch() + " (" + home
					+ "); its JRE would not run on Lambda's x86_64 provided.al2023: use a Linux x86_64 JDK "
					+ MINIMUM + ".\n" + HOW_TO_SET);
		}
		return jdk;
	}

}
