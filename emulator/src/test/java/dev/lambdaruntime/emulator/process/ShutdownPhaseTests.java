package dev.lambdaruntime.emulator.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import dev.lambdaruntime.emulator.TestJson;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Lambda's shutdown phase in process mode, around a bash runtime that registers an internal extension or not.
 */
class ShutdownPhaseTests {

	private final Path taskRoot;

	@AutoClose
	private final ProcessLambda lambda;

	ShutdownPhaseTests(@TempDir Path taskRoot) {
		this.taskRoot = taskRoot;
		this.lambda = new ProcessLambda(taskRoot);
	}

	@Test
	void aRuntimeThatRegisteredGetsSigtermAndEndsInTime() throws Exception {
		start(true);
		assertThat(invoke("{\"n\":1}")).isEqualTo("{\"echo\":{\"n\":1}}");
		assertThat(this.lambda.emulator().shutdown()).isTrue();
		assertThat(this.lambda.printed()).contains("registered ")
			.contains("EXTENSION\tName: bash-sigterm\tState: Ready\tEvents: []")
			.contains("SIGTERM to the runtime, 500 ms before SIGKILL")
			.contains("got SIGTERM")
			.contains("the runtime ended (exit status 0)")
			.doesNotContain("SIGTERM: SIGKILL");
	}

	@Test
	void aRuntimeThatDidNotRegisterIsKilledWithoutSigterm() throws Exception {
		start(false);
		assertThat(invoke("{\"n\":1}")).isEqualTo("{\"echo\":{\"n\":1}}");
		assertThat(this.lambda.emulator().shutdown()).isFalse();
		assertThat(this.lambda.printed()).contains("no extension registered, so SIGKILL without SIGTERM")
			.doesNotContain("got SIGTERM");
	}

	@Test
	void theNextInvokeAfterAShutdownStartsAFreshRuntime() throws Exception {
		start(true);
		invoke("{\"n\":1}");
		this.lambda.emulator().shutdown();
		assertThat(invoke("{\"n\":2}")).isEqualTo("{\"echo\":{\"n\":2}}");
		assertThat(Pattern.compile("(?m)^init$").matcher(this.lambda.printed()).results()).hasSize(2);
	}

	@Test
	void anIdleEnvironmentSpinsDown() throws Exception {
		start(true, "--idle-shutdown", "200ms");
		invoke("{\"n\":1}");
		await("the idle spin-down").atMost(Duration.ofSeconds(10))
			.until(() -> this.lambda.printed().contains("got SIGTERM"));
		assertThat(this.lambda.printed()).contains("shutdown (spindown)");
	}

	@Test
	void stoppingTheEmulatorShutsTheRuntimeDown() throws Exception {
		start(true);
		invoke("{\"n\":1}");
		this.lambda.close();
		assertThat(this.lambda.printed()).contains("got SIGTERM");
	}

	@Test
	void aTimeoutResetsTheEnvironmentAndARuntimeThatRunsOverIsKilled() throws Exception {
		start(true, "--timeout", "1s");
		String timedOut = invoke("\"sleep\"");
		assertThat(TestJson.parse(timedOut).get("errorMessage")).asString().contains("Task timed out after 1.00");
		await("the reset").atMost(Duration.ofSeconds(10))
			.until(() -> this.lambda.printed().contains("the runtime ended"));
		assertThat(this.lambda.printed()).contains("shutdown (timeout): SIGTERM to the runtime")
			.contains("did not end within 500 ms of SIGTERM: SIGKILL")
			.contains("the runtime ended (exit status 137)")
			.doesNotContain("got SIGTERM");
		assertThat(invoke("{\"n\":2}")).isEqualTo("{\"echo\":{\"n\":2}}");
	}

	private void start(boolean register, String... options) throws IOException {
		ProcessLambda.install(this.taskRoot, "/sigterm-bootstrap.sh");
		if (register) {
			Files.createFile(this.taskRoot.resolve("register"));
		}
		List<String> args = new ArrayList<>(List.of("--port", "0"));
		args.addAll(List.of(options));
		args.addAll(List.of("--", "./bootstrap"));
		this.lambda.start(args.toArray(String[]::new));
	}

	private String invoke(String payload) throws Exception {
		return this.lambda.invoke(payload, false).body();
	}

}
