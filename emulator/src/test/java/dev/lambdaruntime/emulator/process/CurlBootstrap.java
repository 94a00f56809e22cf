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
 * Puts the bash-and-curl bootstrap from AWS's custom runtime tutorial into a directory, and captures what the
 * emulator prints around it.
 */
final class CurlBootstrap {

	private final ByteArrayOutputStream output = new ByteArrayOutputStream();

	private final PrintStream out = new PrintStream(this.output, true, StandardCharsets.UTF_8);

	static Path install(Path directory) throws IOException {
		Path bootstrap = directory.resolve("bootstrap");
		try (InputStream script = CurlBootstrap.class.getResourceAsStream("/curl-bootstrap.sh")) {
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
