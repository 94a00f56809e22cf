package dev.lambdaruntime.emulator.process;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import dev.lambdaruntime.emulator.TestJson;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * External extensions in process mode: bash extensions in a directory given to {@code --extensions}, started before
 * the bash-and-curl runtime, as Lambda starts those in {@code /opt/extensions}.
 */
class ExternalExtensionsTests {

	private final Path taskRoot;

	private final Path extensions;

	@AutoClose
	private final ProcessLambda lambda;

	ExternalExtensionsTests(@TempDir Path taskRoot) throws IOException {
		this.taskRoot = taskRoot;
		this.extensions = Files.createDirectory(taskRoot.resolve("extensions"));
		this.lambda = new ProcessLambda(taskRoot);
		ProcessLambda.install(taskRoot);
	}

	@Test
	void anExtensionRegistersBeforeTheFirstInvocationSeesEachInvokeAndItsShutdownAndIsGoneAfterwards()
			throws Exception {
		install("watcher");
		start();
		String first = requestId(this.lambda.invoke("{\"n\":1}", false));
		String second = requestId(this.lambda.invoke("{\"n\":2}", false));
		assertThat(this.lambda.emulator().shutdown()).isTrue();
		List<String> events = Files.readAllLines(this.taskRoot.resolve("watcher.events"));
		assertThat(events).hasSize(4);
		assertThat(events.get(0)).startsWith("registered ");
		assertThat(TestJson.parse(events.get(1)).get("eventType")).asString().isEqualTo("INVOKE");
		assertThat(TestJson.parse(events.get(1)).get("requestId")).asString().isEqualTo(first);
		assertThat(TestJson.parse(events.get(2)).get("requestId")).asString().isEqualTo(second);
		assertThat(TestJson.parse(events.get(3)).get("eventType")).asString().isEqualTo("SHUTDOWN");
		assertThat(TestJson.parse(events.get(3)).get("shutdownReason")).asString().isEqualTo("spindown");
		assertThat(this.lambda.printed())
			.contains("EXTENSION\tName: watcher\tState: Ready\tEvents: [INVOKE,SHUTDOWN]")
			.contains("watcher: shutting down")
			.contains("extension watcher ended (exit status 0)")
			.doesNotContain("did not finish SHUTDOWN");
		assertThat(running("watcher.pid")).isFalse();
	}

	@Test
	void anExtensionGetsLambdasVariablesButNotTheRuntimesOwnAndItsOutputIsEchoed() throws Exception {
		install("watcher");
		start();
		this.lambda.invoke("{}", false);
		assertThat(this.lambda.printed()).contains("watcher: api=" + this.lambda.emulator().runtimeApi()
				+ " function=function root=unset");
	}

	@Test
	void anExtensionThatSleepsThroughShutdownIsKilledAtTheDeadlineWithWhatItStarted() throws Exception {
		install("a-watcher");
		install("b-stubborn");
		start();
		this.lambda.invoke("{}", false);
		this.lambda.emulator().shutdown();
		assertThat(this.lambda.printed())
			.contains("external extensions did not finish SHUTDOWN within 2000 ms: SIGKILL")
			.contains("a-watcher: shutting down")
			.doesNotContain("b-stubborn: shutting down");
		assertThat(running("b-stubborn.pid")).isFalse();
		assertThat(running("b-stubborn.child")).isFalse();
		assertThat(running("a-watcher.pid")).isFalse();
	}

	@Test
	void stoppingTheEmulatorLeavesNoExtensionRunning() throws Exception {
		install("watcher");
		start();
		this.lambda.invoke("{}", false);
		assertThat(running("watcher.pid")).isTrue();
		this.lambda.close();
		assertThat(Files.readString(this.taskRoot.resolve("watcher.events")))
			.contains("\"shutdownReason\":\"spindown\"");
		assertThat(running("watcher.pid")).isFalse();
	}

	@Test
	void anExtensionThatExitsBeforeItRegistersFailsTheInitWithExtensionCrashAndTheRuntimeNeverStarts()
			throws Exception {
		install("crash");
		start();
		HttpResponse<String> failed = this.lambda.invoke("{}", false);
		assertThat(failed.statusCode()).isEqualTo(200);
		assertThat(failed.headers().firstValue("X-Amz-Function-Error")).hasValue("Unhandled");
		assertThat(TestJson.parse(failed.body()).get("errorType")).asString().isEqualTo("Extension.Crash");
		assertThat(TestJson.parse(failed.body()).get("errorMessage")).asString()
			.isEqualTo("Extension crash exited before it registered: exit status 7");
		assertThat(this.lambda.printed()).contains("crash: crashing on purpose")
			.containsPattern("INIT_REPORT Init Duration: \\d+\\.\\d\\d ms\tPhase: init\tStatus: error"
					+ "\tError Type: Extension.Crash")
			.doesNotContain("init: AWS_LAMBDA_RUNTIME_API");
		// The environment was reset: the next invoke tries the init again.
		assertThat(TestJson.parse(this.lambda.invoke("{}", false).body()).get("errorType")).asString()
			.isEqualTo("Extension.Crash");
	}

	private void install(String name) throws IOException {
		Path extension = this.extensions.resolve(name);
		try (InputStream script = getClass().getResourceAsStream("/echo-extension.sh")) {
			Files.copy(script, extension);
		}
		Files.setPosixFilePermissions(extension, PosixFilePermissions.fromString("rwxr-xr-x"));
	}

	private void start() {
		this.lambda.start("--port", "0", "--extensions", this.extensions.toString(), "--", "./bootstrap");
	}

	/**
	 * Whether the process whose id a script wrote runs: a zombie that waits for init to reap it does not, as it can
	 * run nothing more.
	 */
	private boolean running(String pidFile) throws IOException {
		String pid = Files.readString(this.taskRoot.resolve(pidFile)).trim();
		Path stat = Path.of("/proc", pid, "stat");
		if (!Files.exists(stat)) {
			return ProcessHandle.of(Long.parseLong(pid)).filter(ProcessHandle::isAlive).isPresent();
		}
		try {
			String line = Files.readString(stat);
			return line.charAt(line.lastIndexOf(')') + 2) != 'Z';
		}
		catch (NoSuchFileException ex) {
			return false;
		}
	}

	private static String requestId(HttpResponse<String> response) {
		assertThat(response.body()).startsWith("{\"echo\":");
		return response.headers().firstValue("X-Amz-Request-Id").orElseThrow();
	}

}
