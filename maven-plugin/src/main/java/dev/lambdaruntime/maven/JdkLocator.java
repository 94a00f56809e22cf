package dev.lambdaruntime.maven;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * Finds the JDK 25 or later for Linux x86_64 that jlink and the AOT cache need: a {@code jdk} toolchain of version
 * 25 or later first, then the {@code jdk} parameter, then the JVM Maven runs on when it is one.
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
	 * @return the JDK
	 * @throws IllegalStateException with a message that says what to set
	 */
	static Jdk locate(@Nullable Path toolchain, @Nullable Path parameter, Path maven) throws IOException {
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
		throw new IllegalStateException("function.zip and the container image need a JDK " + MINIMUM
				+ " or later for Linux x86_64 (jlink and the AOT cache), and none is set: Maven runs on "
				+ own.map((jdk) -> "JDK " + jdk.version()).orElse("a JRE") + " (" + maven + ").\n" + HOW_TO_SET);
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
