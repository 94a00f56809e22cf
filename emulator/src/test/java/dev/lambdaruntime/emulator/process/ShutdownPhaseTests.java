package dev.lambdaruntime.emulator.process;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import dev.lambdaruntime.emulator.TestJson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Lambda's shutdown phase in process mode, around a bash runtime that registers an internal extension or not.
 */
class ShutdownPhaseTests {

	@TempDir
	Path taskRoot;

	private final CurlBootstrap capture = new CurlBootstrap();

	private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private ProcessEmulator lambda;

	@AfterEach
	void stop() {
		if (this.lambda != null) {
			this.lambda.close();
		}
	}

	@Test
	void aRuntimeThatRegisteredGetsSigtermAndEndsInTime() throws Exception {
		start(true);
		assertThat(invoke("{\"n\":1}")).isEqualTo("{\"echo\":{\"n\":1}}");
		assertThat(this.lambda.shutdown()).isTrue();
		assertThat(this.capture.printed()).contains("registered ")
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
		assertThat(this.lambda.shutdown()).isFalse();
		assertThat(this.capture.printed()).contains("no extension registered, so SIGKILL without SIGTERM")
			.doesNotContain("got SIGTERM");
	}

	@Test
	void theNextInvokeAfterAShutdownStartsAFreshRuntime() throws Exception {
		start(true);
		invoke("{\"n\":1}");
		this.lambda.shutdown();
		assertThat(invoke("{\"n\":2}")).isEqualTo("{\"echo\":{\"n\":2}}");
		assertThat(Pattern.compile("(?m)^init$").matcher(this.capture.printed()).results()).hasSize(2);
	}

	@Test
	void anIdleEnvironmentSpinsDown() throws Exception {
		start(true, "--idle-shutdown", "200ms");
		invoke("{\"n\":1}");
		await("the idle spin-down").atMost(Duration.ofSeconds(10))
			.until(() -> this.capture.printed().contains("got SIGTERM"));
		assertThat(this.capture.printed()).contains("shutdown (spindown)");
	}

	@Test
	void stoppingTheEmulatorShutsTheRuntimeDown() throws Exception {
		start(true);
		invoke("{\"n\":1}");
		this.lambda.close();
		assertThat(this.capture.printed()).contains("got SIGTERM");
	}

	@Test
	void aTimeoutResetsTheEnvironmentAndARuntimeThatRunsOverIsKilled() throws Exception {
		start(true, "--timeout", "1s");
		String timedOut = invoke("\"sleep\"");
		assertThat(TestJson.parse(timedOut).get("errorMessage")).asString().contains("Task timed out after 1.00");
		await("the reset").atMost(Duration.ofSeconds(10))
			.until(() -> this.capture.printed().contains("the runtime ended"));
		assertThat(this.capture.printed()).contains("shutdown (timeout): SIGTERM to the runtime")
			.contains("did not end within 500 ms of SIGTERM: SIGKILL")
			.contains("the runtime ended (exit status 137)")
			.doesNotContain("got SIGTERM");
		assertThat(invoke("{\"n\":2}")).isEqualTo("{\"echo\":{\"n\":2}}");
	}

	private void start(boolean register, String... options) throws IOException {
		CurlBootstrap.install(this.taskRoot, "/sigterm-bootstrap.sh");
		if (register) {
			Files.createFile(this.taskRoot.resolve("register"));
		}
		List<String> args = new ArrayList<>(List.of("--port", "0"));
		args.addAll(List.of(options));
		args.addAll(List.of("--", "./bootstrap"));
		this.lambda = new ProcessEmulator(CommandLine.parse(args.toArray(String[]::new)), this.taskRoot,
				this.capture.out())
			.start();
	}

	private String invoke(String payload) throws Exception {
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://" + this.lambda.runtimeApi() + "/2015-03-31/functions/function/invocations"))
			.POST(BodyPublishers.ofString(payload))
			.build();
		return this.client.send(request, BodyHandlers.ofString()).body();
	}

}
