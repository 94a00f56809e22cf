package dev.lambdaruntime.processfaults;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.lambdaruntime.emulator.EmulatorCommand;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What takes a process down, in process mode on the packaged jar's libraries: the caller gets Lambda's error, the
 * emulator starts a fresh runtime, and the next invocation works. One emulator for the class: each test leaves a
 * fresh runtime for the next.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProcessFaultsIT {

	private static final Pattern URL = Pattern.compile("on (http://127\\.0\\.0\\.1:\\d+)");

	private final List<String> output = new CopyOnWriteArrayList<>();

	private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private Process emulator;

	private String invokeUrl;

	private int runtimes;

	@BeforeAll
	void start() throws Exception {
		String java = ProcessHandle.current().info().command().orElse("java");
		// The function timeout runs from the moment the runtime takes the event, so it need only outlast the
		// function's own work; the init limit is raised, as a loaded machine's cold start is not under test here.
		List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
				EmulatorCommand.class.getName(), "--port", "0", "--timeout", "5s", "--init-timeout", "60s", "--",
				java, "-Xmx128m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
				"-Dloader.path=" + Path.of("target", "test-classes").toAbsolutePath(),
				"-Dloader.main=" + ProcessFaultsApplication.class.getName(), "-cp",
				Path.of("target", "sample-app.jar").toAbsolutePath().toString(),
				"org.springframework.boot.loader.launch.PropertiesLauncher"));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		builder.environment().put("SPRING_CLOUD_FUNCTION_DEFINITION", "faults");
		this.emulator = builder.start();
		BufferedReader out = new BufferedReader(
				new InputStreamReader(this.emulator.getInputStream(), StandardCharsets.UTF_8));
		Matcher url = URL.matcher(out.readLine());
		assertThat(url.find()).isTrue();
		this.invokeUrl = url.group(1) + "/2015-03-31/functions/function/invocations";
		Thread pump = new Thread(() -> out.lines().forEach(this.output::add), "emulator-output");
		pump.setDaemon(true);
		pump.start();
	}

	@AfterAll
	void stop() throws InterruptedException {
		this.emulator.descendants().forEach(ProcessHandle::destroyForcibly);
		this.emulator.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
	}

	@Test
	void outOfMemoryIsReportedAndTheRuntimeReplaced() throws Exception {
		HttpResponse<String> failed = invoke("oom");
		assertThat(failed.headers().firstValue("X-Amz-Function-Error")).hasValue("Unhandled");
		assertThat(failed.body()).contains("\"errorType\":\"java.lang.OutOfMemoryError\"");
		assertFreshRuntimeAnswers();
	}

	@Test
	void stackOverflowIsReportedAndTheRuntimeReplaced() throws Exception {
		HttpResponse<String> failed = invoke("overflow");
		assertThat(failed.headers().firstValue("X-Amz-Function-Error")).hasValue("Unhandled");
		assertThat(failed.body()).contains("\"errorType\":\"java.lang.StackOverflowError\"");
		assertFreshRuntimeAnswers();
	}

	@Test
	void systemExitInAFunctionIsRuntimeExitError() throws Exception {
		HttpResponse<String> failed = invoke("exit");
		assertThat(failed.headers().firstValue("X-Amz-Function-Error")).hasValue("Unhandled");
		assertThat(failed.body()).contains("\"errorType\":\"Runtime.ExitError\"").contains("exit status 3");
		assertFreshRuntimeAnswers();
	}

	@Test
	void aFunctionThatNeverReturnsTimesOutAndTheRuntimeIsReplaced() throws Exception {
		HttpResponse<String> failed = invoke("hang");
		assertThat(failed.headers().firstValue("X-Amz-Function-Error")).hasValue("Unhandled");
		assertThat(failed.body()).contains("Task timed out after 5.00 seconds");
		assertFreshRuntimeAnswers();
	}

	@Test
	void sigkillMidInvocationIsRuntimeExitError() throws Exception {
		assertThat(invoke("before").body()).isEqualTo("\"ok:before\"");
		long started = this.output.stream().filter((line) -> line.contains("START RequestId")).count();
		CompletableFuture<HttpResponse<String>> sleeping = CompletableFuture.supplyAsync(() -> {
			try {
				return invoke("sleep");
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		});
		awaitOutput("START RequestId", started + 1);
		ProcessHandle runtime = this.emulator.children().findFirst().orElseThrow();
		assertThat(runtime.destroyForcibly()).isTrue();
		HttpResponse<String> failed = sleeping.get(60, TimeUnit.SECONDS);
		assertThat(failed.headers().firstValue("X-Amz-Function-Error")).hasValue("Unhandled");
		assertThat(failed.body()).contains("\"errorType\":\"Runtime.ExitError\"");
		assertFreshRuntimeAnswers();
	}

	private void assertFreshRuntimeAnswers() throws Exception {
		assertThat(invoke("after").body()).isEqualTo("\"ok:after\"");
		this.runtimes++;
		awaitOutput("Lambda runtime started", this.runtimes + 1);
	}

	private HttpResponse<String> invoke(String payload) throws IOException, InterruptedException {
		return this.client.send(HttpRequest.newBuilder(URI.create(this.invokeUrl))
			.timeout(Duration.ofSeconds(120))
			.POST(BodyPublishers.ofString(payload))
			.build(), BodyHandlers.ofString());
	}

	private void awaitOutput(String text, long times) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (this.output.stream().filter((line) -> line.contains(text)).count() < times) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError(times + " times '" + text + "' expected in:\n" + String.join("\n", this.output));
			}
			Thread.sleep(20);
		}
	}

}
