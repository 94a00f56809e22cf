package dev.lambdaruntime.emulator.process;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Map;

import dev.lambdaruntime.emulator.TestJson;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Process mode around a bootstrap that is not ours: AWS's tutorial runtime in bash and curl.
 */
class ProcessModeTests {

	private final Path taskRoot;

	@AutoClose
	private final ProcessLambda lambda;

	ProcessModeTests(@TempDir Path taskRoot) {
		this.taskRoot = taskRoot;
		this.lambda = new ProcessLambda(taskRoot);
	}

	@BeforeEach
	void start() throws IOException {
		ProcessLambda.install(this.taskRoot);
		this.lambda.start("--port", "0", "--timeout", "2s", "--memory", "256", "--", "./bootstrap");
	}

	@Test
	void invokesTheBootstrapLikeLambdaAndPrintsStartEndReport() throws Exception {
		HttpResponse<String> first = this.lambda.invoke("{\"name\":\"lambda\"}", true);
		assertThat(first.statusCode()).isEqualTo(200);
		assertThat(first.body()).isEqualTo("{\"echo\":{\"name\":\"lambda\"}}");
		assertThat(first.headers().firstValue("X-Amz-Function-Error")).isEmpty();
		String requestId = first.headers().firstValue("X-Amz-Request-Id").orElseThrow();
		String tail = new String(
				Base64.getDecoder().decode(first.headers().firstValue("X-Amz-Log-Result").orElseThrow()),
				StandardCharsets.UTF_8);
		assertThat(tail).contains("START RequestId: " + requestId + " Version: $LATEST")
			.contains("handling {\"name\":\"lambda\"}")
			.contains("END RequestId: " + requestId);
		assertThat(this.lambda.printed())
			.contains("init: AWS_LAMBDA_RUNTIME_API=127.0.0.1:" + this.lambda.emulator().port())
			.contains("START RequestId: " + requestId + " Version: $LATEST\n")
			.containsPattern("END RequestId: " + requestId + "\nREPORT RequestId: " + requestId
					+ "\tDuration: \\d+\\.\\d\\d ms\tBilled Duration: \\d+ ms\tMemory Size: 256 MB"
					+ "\tMax Memory Used: \\d+ MB\tInit Duration: \\d+\\.\\d\\d ms\n");
		String secondId = this.lambda.invoke("{}", false).headers().firstValue("X-Amz-Request-Id").orElseThrow();
		assertThat(this.lambda.printed()).containsPattern("REPORT RequestId: " + secondId
				+ "\tDuration: \\d+\\.\\d\\d ms\tBilled Duration: \\d+ ms\tMemory Size: 256 MB"
				+ "\tMax Memory Used: \\d+ MB\n");
	}

	@Test
	void underSnapStartReportsTheRestoreInsteadOfTheInit() throws Exception {
		this.lambda.start("--port", "0", "--timeout", "2s", "--memory", "256", "--snapstart", "--", "./bootstrap");
		HttpResponse<String> first = this.lambda.invoke("{\"name\":\"lambda\"}", false);
		assertThat(first.body()).isEqualTo("{\"echo\":{\"name\":\"lambda\"}}");
		String requestId = first.headers().firstValue("X-Amz-Request-Id").orElseThrow();
		assertThat(this.lambda.printed()).contains("restored")
			.containsPattern("REPORT RequestId: " + requestId + "\tDuration: \\d+\\.\\d\\d ms\tBilled Duration: \\d+ ms"
					+ "\tMemory Size: 256 MB\tMax Memory Used: \\d+ MB\tRestore Duration: \\d+\\.\\d\\d ms"
					+ "\tBilled Restore Duration: \\d+ ms\n")
			.doesNotContain("Init Duration");
	}

	@Test
	void givesTheBootstrapLambdasEnvironment() throws Exception {
		Map<String, Object> environment = TestJson.parse(this.lambda.invoke("\"env\"", false).body());
		assertThat(environment).containsEntry("name", "function")
			.containsEntry("version", "$LATEST")
			.containsEntry("memory", "256")
			.containsEntry("root", this.taskRoot.toAbsolutePath().toString())
			.containsEntry("init", "on-demand")
			.containsEntry("group", "/aws/lambda/function")
			.containsEntry("region", "us-east-1")
			.containsEntry("tz", ":UTC");
		assertThat(environment.get("stream")).asString().matches("\\d{4}/\\d\\d/\\d\\d/\\[\\$LATEST\\][0-9a-f]{32}");
	}

	@Test
	void functionErrorIsUnhandled() throws Exception {
		HttpResponse<String> response = this.lambda.invoke("\"fail\"", false);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("X-Amz-Function-Error")).hasValue("Unhandled");
		assertThat(response.body()).isEqualTo("{\"errorMessage\":\"failed on purpose\",\"errorType\":\"ScriptError\"}");
	}

	@Test
	void crashIsRuntimeExitErrorAndTheNextInvokeGetsAFreshRuntime() throws Exception {
		HttpResponse<String> crashed = this.lambda.invoke("\"crash\"", true);
		assertThat(crashed.headers().firstValue("X-Amz-Function-Error")).hasValue("Unhandled");
		Map<String, Object> error = TestJson.parse(crashed.body());
		assertThat(error).containsEntry("errorType", "Runtime.ExitError");
		assertThat(error.get("errorMessage")).asString().contains("Runtime exited with error: exit status 3");
		HttpResponse<String> next = this.lambda.invoke("{\"again\":1}", false);
		assertThat(next.body()).isEqualTo("{\"echo\":{\"again\":1}}");
		assertThat(this.lambda.printed()).contains("crashing on purpose");
		assertThat(this.lambda.printed().split("Init Duration", -1)).hasSize(3);
	}

	@Test
	void timeoutKillsTheRuntimeAndTheNextInvokeGetsAFreshOne() throws Exception {
		HttpResponse<String> slow = this.lambda.invoke("\"sleep\"", false);
		String requestId = slow.headers().firstValue("X-Amz-Request-Id").orElseThrow();
		assertThat(slow.headers().firstValue("X-Amz-Function-Error")).hasValue("Unhandled");
		assertThat(slow.body()).contains(requestId + " Task timed out after 2.00 seconds");
		assertThat(this.lambda.invoke("{\"after\":1}", false).body()).isEqualTo("{\"echo\":{\"after\":1}}");
		assertThat(this.lambda.printed()).contains(requestId + " Task timed out after 2.00 seconds")
			.containsPattern("REPORT RequestId: " + requestId + "\t.*\tStatus: timeout\n");
	}

	@Test
	void aColdStartLongerThanTheTimeoutDoesNotCountAgainstIt() throws Exception {
		bootstrap("slow-start", "sleep 2\nexec ./bootstrap");
		this.lambda.start("--port", "0", "--timeout", "1s", "--", "./slow-start");
		HttpResponse<String> first = this.lambda.invoke("{\"n\":1}", false);
		assertThat(first.body()).isEqualTo("{\"echo\":{\"n\":1}}");
		assertThat(this.lambda.printed()).containsPattern("Init Duration: \\d{4,}\\.\\d\\d ms\n");
	}

	@Test
	void anInitPastTheInitLimitIsReportedAndRunAgainInsideTheInvocation() throws Exception {
		bootstrap("stuck-once", "if [ ! -e stuck ]; then touch stuck; echo 'init: stuck'; exec sleep 600; fi\n"
				+ "exec ./bootstrap");
		this.lambda.start("--port", "0", "--timeout", "5s", "--init-timeout", "1s", "--", "./stuck-once");
		HttpResponse<String> answered = this.lambda.invoke("{\"n\":1}", false);
		assertThat(answered.body()).isEqualTo("{\"echo\":{\"n\":1}}");
		assertThat(this.lambda.printed()).contains("init: stuck")
			.contains("INIT_REPORT Init Duration: 1000.00 ms\tPhase: init\tStatus: timeout\n")
			.contains("init: AWS_LAMBDA_RUNTIME_API=");
	}

	@Test
	void faultFlagsReachTheRuntimeAndAFailedRuntimeIsReplaced() throws Exception {
		this.lambda.start("--port", "0", "--timeout", "5s", "--fault", "response=drop-request", "--", "./bootstrap");
		HttpResponse<String> dropped = this.lambda.invoke("{\"n\":1}", false);
		assertThat(dropped.headers().firstValue("X-Amz-Function-Error")).hasValue("Unhandled");
		assertThat(TestJson.parse(dropped.body())).containsEntry("errorType", "Runtime.ExitError");
		assertThat(this.lambda.invoke("{\"n\":2}", false).body()).isEqualTo("{\"echo\":{\"n\":2}}");
	}

	private void bootstrap(String name, String script) throws IOException {
		Path bootstrap = this.taskRoot.resolve(name);
		Files.writeString(bootstrap, "#!/bin/sh\n" + script + "\n");
		Files.setPosixFilePermissions(bootstrap, PosixFilePermissions.fromString("rwxr-xr-x"));
	}

}
