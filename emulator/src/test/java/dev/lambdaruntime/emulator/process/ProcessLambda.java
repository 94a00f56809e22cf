package dev.lambdaruntime.emulator.process;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;

/**
 * Process mode around a test script in a task root, such as the bash-and-curl bootstrap from AWS's custom runtime
 * tutorial: starts the emulator, captures what it prints around the script, and invokes it over HTTP.
 */
final class ProcessLambda implements AutoCloseable {

	private final ByteArrayOutputStream output = new ByteArrayOutputStream();

	private final PrintStream out = new PrintStream(this.output, true, StandardCharsets.UTF_8);

	private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private final Path taskRoot;

	private ProcessEmulator emulator;

	ProcessLambda(Path taskRoot) {
		this.taskRoot = taskRoot;
	}

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
		try (InputStream script = ProcessLambda.class.getResourceAsStream(resource)) {
			Files.copy(script, bootstrap);
		}
		Files.setPosixFilePermissions(bootstrap, PosixFilePermissions.fromString("rwxr-xr-x"));
		return bootstrap;
	}

	/**
	 * Starts the emulator in the task root, after closing the one started before.
	 * @param commandLine options, {@code --}, the bootstrap and its arguments
	 * @return the started emulator
	 */
	ProcessEmulator start(String... commandLine) {
		close();
		this.emulator = new ProcessEmulator(CommandLine.parse(commandLine), this.taskRoot, this.out).start();
		return this.emulator;
	}

	ProcessEmulator emulator() {
		return this.emulator;
	}

	/**
	 * Invokes the function through the Invoke API, as a client would.
	 * @param payload the event
	 * @param tail whether to ask for the log tail
	 * @return the answer
	 * @throws Exception when the request fails or is interrupted
	 */
	HttpResponse<String> invoke(String payload, boolean tail) throws Exception {
		String url = "http://" + this.emulator.runtimeApi() + "/2015-03-31/functions/function/invocations";
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
			.timeout(Duration.ofSeconds(20))
			.POST(BodyPublishers.ofString(payload));
		if (tail) {
			request.header("X-Amz-Log-Type", "Tail");
		}
		return this.client.send(request.build(), BodyHandlers.ofString());
	}

	String printed() {
		return this.output.toString(StandardCharsets.UTF_8);
	}

	@Override
	public void close() {
		if (this.emulator != null) {
			this.emulator.close();
			this.emulator = null;
		}
	}

}
