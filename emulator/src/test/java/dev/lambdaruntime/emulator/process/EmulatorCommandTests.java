package dev.lambdaruntime.emulator.process;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.lambdaruntime.emulator.EmulatorCommand;
import dev.lambdaruntime.emulator.lambda.FaultRule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The command line: parsing, usage errors, and the real {@code main} in its own JVM.
 */
class EmulatorCommandTests {

	@Test
	void parsesEveryOption() {
		CommandLine line = CommandLine.parse("--port", "9001", "--timeout=500ms", "--memory", "1024", "--concurrency",
				"4", "--snapstart", "--invocation-ids", "--function-name", "hello", "--handler", "fn.handler",
				"--bind", "0.0.0.0", "--init-timeout", "2s", "--", "./bootstrap", "--flag");
		assertThat(line.port()).isEqualTo(9001);
		assertThat(line.timeout()).isEqualTo(Duration.ofMillis(500));
		assertThat(line.settings().initLimit()).isEqualTo(Duration.ofSeconds(2));
		assertThat(line.memoryMb()).isEqualTo(1024);
		assertThat(line.concurrency()).isEqualTo(4);
		assertThat(line.snapStart()).isTrue();
		assertThat(line.invocationIds()).isTrue();
		assertThat(line.functionName()).isEqualTo("hello");
		assertThat(line.handler()).isEqualTo("fn.handler");
		assertThat(line.bindAddress().isAnyLocalAddress()).isTrue();
		assertThat(line.command()).containsExactly("./bootstrap", "--flag");
	}

	@Test
	void defaultsArePort9000AndLoopback() {
		CommandLine line = CommandLine.parse("--", "./bootstrap");
		assertThat(line.port()).isEqualTo(9000);
		assertThat(line.bindAddress().isLoopbackAddress()).isTrue();
		assertThat(line.timeout()).isEqualTo(Duration.ofSeconds(30));
		assertThat(line.settings().initLimit()).isEqualTo(Duration.ofSeconds(10));
		assertThat(CommandLine.parse("--snapstart", "--", "b").settings().initLimit())
			.isEqualTo(Duration.ofSeconds(130));
		assertThat(CommandLine.parse("--snapstart", "--timeout", "5m", "--", "b").settings().initLimit())
			.isEqualTo(Duration.ofMinutes(5));
		assertThat(line.functionName()).isEqualTo("function");
	}

	@Test
	void parsesFaults() {
		CommandLine line = CommandLine.parse("--fault", "next=status:500*2", "--fault=init-error=stall:2s",
				"--random-fault", "response,error=drop-response@0.25", "--random-fault", "trickle:1:5ms@1",
				"--fault", "extension-register=drop-response", "--random-fault",
				"extension-next,extension-init-error,extension-exit-error=status:500@0.5", "--fault-seed", "7", "--",
				"./bootstrap");
		assertThat(line.faults()).map(FaultRule::toString)
			.containsExactly("next=status:500*2", "init-error=stall:2000ms*1", "response,error=drop-response@0.25",
					"next,response,streaming-response,error,init-error,restore-next,restore-error,extension-register,"
							+ "extension-next,extension-init-error,extension-exit-error=trickle:1:5ms@1.0",
					"extension-register=drop-response*1",
					"extension-next,extension-init-error,extension-exit-error=status:500@0.5");
		assertThat(line.faultSeed()).isEqualTo(7);
		assertThat(CommandLine.parse("--", "b").faults()).isEmpty();
	}

	@Test
	void badFaultsAreRejectedWithAReason() {
		assertThatIllegalArgumentException().isThrownBy(() -> CommandLine.parse("--fault", "nxt=status:500", "--", "b"))
			.withMessageContaining("Unknown endpoint 'nxt'; use one of next, response");
		assertThatIllegalArgumentException().isThrownBy(() -> CommandLine.parse("--fault", "next=boom", "--", "b"))
			.withMessageContaining("Unknown fault 'boom'; use one of drop-request");
		assertThatIllegalArgumentException().isThrownBy(() -> CommandLine.parse("--fault", "next=stall", "--", "b"))
			.withMessageContaining("takes 1 argument; for example stall:2s");
		assertThatIllegalArgumentException().isThrownBy(() -> CommandLine.parse("--fault", "status:500", "--", "b"))
			.withMessageContaining("--fault takes <endpoint>=<fault>");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> CommandLine.parse("--fault", "next=status:200", "--", "b"))
			.withMessageContaining("400 to 599");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> CommandLine.parse("--fault", "next=drop-request*0", "--", "b"))
			.withMessageContaining("times must be a positive number");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> CommandLine.parse("--random-fault", "next=drop-request", "--", "b"))
			.withMessageContaining("--random-fault takes");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> CommandLine.parse("--random-fault", "drop-request@2", "--", "b"))
			.withMessageContaining("probability from 0 to 1");
		assertThatIllegalArgumentException().isThrownBy(() -> CommandLine.parse("--fault-seed", "x", "--", "b"))
			.withMessageContaining("--fault-seed must be a number");
	}

	@Test
	void badArgumentsAreRejectedWithAReason() {
		assertThatIllegalArgumentException().isThrownBy(() -> CommandLine.parse("./bootstrap"))
			.withMessageContaining("after --");
		assertThatIllegalArgumentException().isThrownBy(() -> CommandLine.parse("--port", "x", "--", "b"))
			.withMessageContaining("--port must be a number");
		assertThatIllegalArgumentException().isThrownBy(() -> CommandLine.parse("--nope", "--", "b"))
			.withMessageContaining("Unknown option --nope");
		assertThatIllegalArgumentException().isThrownBy(() -> CommandLine.parse("--timeout", "--", "b"))
			.withMessageContaining("--timeout needs a value");
		assertThatIllegalArgumentException().isThrownBy(() -> CommandLine.parse("--timeout", "soon", "--", "b"))
			.withMessageContaining("500ms");
	}

	@Test
	void extensionsNameADirectoryWhoseExecutablesStartInFileNameOrder(@TempDir Path directory) throws IOException {
		for (String name : List.of("b-second", "a-first", "c-third")) {
			Files.writeString(directory.resolve(name), "#!/bin/sh\n");
			Files.setPosixFilePermissions(directory.resolve(name), PosixFilePermissions.fromString("rwxr-xr-x"));
		}
		Files.writeString(directory.resolve("a-readme"), "not executable");
		Files.createDirectory(directory.resolve("a-directory"));
		CommandLine line = CommandLine.parse("--extensions", directory.toString(), "--", "b");
		assertThat(line.extensions()).isEqualTo(directory.toAbsolutePath());
		ExtensionProcesses extensions = new ExtensionProcesses(line.extensions());
		assertThat(extensions.names()).containsExactly("a-first", "b-second", "c-third");
		assertThat(line.settings(Set.copyOf(extensions.names())).externalExtensions())
			.containsExactlyInAnyOrder("a-first", "b-second", "c-third");
		assertThat(CommandLine.parse("--", "b").extensions()).isNull();
		assertThatIllegalArgumentException()
			.isThrownBy(() -> CommandLine.parse("--extensions", directory.resolve("a-readme").toString(), "--", "b"))
			.withMessageContaining("--extensions: not a directory");
	}

	@Test
	void badArgumentsPrintTheUsageAndExit2() {
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		OptionalInt status = ProcessMode.start(new String[] { "--port" }, System.out,
				new PrintStream(err, true, StandardCharsets.UTF_8));
		assertThat(status).hasValue(2);
		assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("Error: --port needs a value")
			.contains("Usage: java -jar lambda-runtime-emulator.jar");
	}

	@Test
	void helpPrintsTheUsageAndExits() throws Exception {
		Process process = main(Path.of("."), "--help");
		try {
			assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("exited").isTrue();
			assertThat(process.exitValue()).isZero();
			assertThat(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
				.startsWith("Usage: java -jar lambda-runtime-emulator.jar");
		}
		finally {
			process.destroyForcibly();
		}
	}

	@Test
	void mainRunsABootstrapInItsOwnJvm(@TempDir Path taskRoot) throws Exception {
		ProcessLambda.install(taskRoot);
		Process process = main(taskRoot, "--port", "0", "--timeout", "5s", "--", "./bootstrap");
		try (BufferedReader out = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			String banner = out.readLine();
			Matcher url = Pattern.compile("on (http://127\\.0\\.0\\.1:\\d+)").matcher(banner);
			assertThat(url.find()).as(banner).isTrue();
			String body = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create(url.group(1) + "/2015-03-31/functions/function/invocations"))
					.version(HttpClient.Version.HTTP_1_1)
					.POST(BodyPublishers.ofString("{\"cli\":true}"))
					.build(), BodyHandlers.ofString())
				.body();
			assertThat(body).isEqualTo("{\"echo\":{\"cli\":true}}");
		}
		finally {
			process.destroy();
			process.waitFor();
		}
	}

	private static Process main(Path directory, String... args) throws IOException {
		Path java = Path.of(System.getProperty("java.home"), "bin", "java");
		List<String> command = new ArrayList<>(List.of(java.toString(), "-cp", System.getProperty("java.class.path")));
		command.add(EmulatorCommand.class.getName());
		command.addAll(List.of(args));
		return new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
	}

}
