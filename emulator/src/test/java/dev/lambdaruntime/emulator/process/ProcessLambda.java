package dev.lambdaruntime.emulator.process;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Puts the bash-and-curl bootstrap from AWS's custom runtime tutorial (or another test script) into a directory, and
 * captures what the emulator prints around it.
 */
final class CurlBootstrap {

	private final ByteArrayOutputStream output = new ByteArrayOutputStream();

	private final PrintStream out = new PrintStream(this.output, true, StandardCharsets.UTF_8);

	static Path install(Path directory) throws IOException {
		return install(directory, "/curl-bootstrap.sh");
	}

	/**
	 * Puts a script from the test resources into a directory as its executable {@code bootstrap}.
	 * @param directory the task root
	 * @param resource the script's resource name
	 * @return the bootstrap
	 * @throws IOException when it cannot be written
	 */
	static Path install(Path directory, String resource) throws IOException {
		Path bootstrap = directory.resolve("bootstrap");
		try (InputStream script = CurlBootstrap.class.getResourceAsStream(resource)) {
			Files.copy(script, bootstrap);
		}
		Files.setPosixFilePermissions(bootstrap, PosixFilePermissions.fromString("rwxr-xr-x"));
		return bootstrap;
	}

	PrintStream out() {
		return this.out;
	}

	String printed() {
		return this.output.toString(StandardCharsets.UTF_8);
	}

}
