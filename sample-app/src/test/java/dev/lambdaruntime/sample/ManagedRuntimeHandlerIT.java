package dev.lambdaruntime.sample;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import com.amazonaws.services.lambda.runtime.api.client.AWSLambda;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;

import dev.lambdaruntime.emulator.InvokeResult;
import dev.lambdaruntime.emulator.LambdaEmulator;
import dev.lambdaruntime.emulator.RegisteredExtension;
import dev.lambdaruntime.emulator.RuntimeRequest;
import dev.lambdaruntime.handler.FunctionRequestHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.utilslite.SdkInternalThreadLocal;

import org.springframework.test.json.JsonContent;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged {@code target/lambda/managed.zip} behind {@link FunctionRequestHandler}, run the way Lambda's
 * managed {@code java21} and {@code java25} runtimes run it: AWS's runtime interface client on its own class path, the
 * zip unpacked as the task root it loads the function from, a real process against the emulator.
 */
class ManagedRuntimeHandlerIT {

	private static final String HANDLER = FunctionRequestHandler.class.getName() + "::handleRequest";

	private static final Path ZIP = Path.of("target", "lambda", "managed.zip");

	@TempDir
	Path logs;

	@TempDir
	Path taskRoot;

	private Process process;

	@AfterEach
	void stop() throws InterruptedException {
		if (this.process != null && this.process.isAlive()) {
			this.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
		}
	}

	@Test
	void servesGreetThroughAwsRuntimeClient() throws Exception {
		try (LambdaEmulator emulator = emulator()) {
			this.process = start(emulator, "greet");
			InvokeResult result = emulator.invoke("{\"name\":\"lambda\"}");
			assertThat(result.functionError()).as(log()).isNull();
			assertThat(new JsonContent(result.payloadAsString())).isStrictlyEqualTo("{\"greeting\":\"Hello, LAMBDA\"}");
			assertThat(new JsonContent(emulator.invoke("{\"name\":\"again\"}").payloadAsString()))
				.isStrictlyEqualTo("{\"greeting\":\"Hello, AGAIN\"}");
			// Only AWS's client polls: our loop stays off under the managed runtime's handler.
			assertThat(emulator.runtimeRequests()).isNotEmpty()
				.allSatisfy((request) -> assertThat(userAgent(request)).doesNotStartWith("lambda-runtime-spring-boot"));
			assertThat(log()).doesNotContain("Lambda runtime started");
		}
	}

	@Test
	void keepsTheApplicationWarmBetweenInvocations() throws Exception {
		try (LambdaEmulator emulator = emulator()) {
			this.process = start(emulator, "stats");
			emulator.invoke("{\"sensor\":\"t1\",\"value\":3}");
			emulator.invoke("{\"sensor\":\"t1\",\"value\":5}");
			assertThat(new JsonContent(emulator.invoke("{\"sensor\":\"t1\",\"value\":10}").payloadAsString())).as(log())
				.extractingPath("$.count")
				.isEqualTo(3);
		}
	}

	@Test
	void registersTheInternalExtensionDuringInitAndFlushesTheBufferOnSigterm() throws Exception {
		try (LambdaEmulator emulator = emulator()) {
			Path sink = this.logs.resolve("sink");
			this.process = start(emulator, "buffer", List.of(),
					Map.of("SAMPLE_BUFFER_DIRECTORY", sink.toString(), "SAMPLE_BUFFER_CHUNK_SIZE", "10"));
			for (int i = 1; i <= 3; i++) {
				assertThat(emulator.invoke("{\"id\":\"m-" + i + "\",\"data\":\"x\"}").functionError()).as(log()).isNull();
			}
			assertThat(emulator.extensions()).extracting(RegisteredExtension::name)
				.containsExactly("lambda-runtime-spring-boot");
			assertThat(SinkFiles.ids(sink)).isEmpty();
			assertThat(emulator.shutdown()).isTrue();
			// In-process the emulator cannot signal the client's process: this test does, as Lambda would.
			this.process.destroy();
			assertThat(this.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
			assertThat(this.process.exitValue()).as(log()).isZero();
			assertThat(SinkFiles.ids(sink)).as(log()).containsExactlyInAnyOrder("m-1", "m-2", "m-3");
		}
	}

	@Test
	void reportsTheFunctionsOwnExceptionType() throws Exception {
		try (LambdaEmulator emulator = emulator()) {
			this.process = start(emulator, "fail");
			InvokeResult failed = emulator.invoke("{}");
			assertThat(failed.functionError()).isEqualTo("Unhandled");
			assertThat(new JsonContent(failed.payloadAsString())).extractingPath("$.errorType")
				.isEqualTo("java.lang.IllegalStateException");
		}
	}

	@Test
	void primesBeforeTheSnapStartSnapshotAndServesAfterTheRestore() throws Exception {
		try (LambdaEmulator emulator = LambdaEmulator.builder().timeout(Duration.ofSeconds(60)).snapStart(true).build()
			.start()) {
			// As the managed runtime starts its JVM: CRaC's API backed by AWS's client, which runs the hooks.
			this.process = start(emulator, "stats", List.of("-Dorg.crac.Core.Compat=com.amazonaws.services.lambda.crac"),
					Map.of("AWS_LAMBDA_INITIALIZATION_TYPE", "snap-start", "LAMBDA_RUNTIME_PRIMING_EVENT",
							"{\"sensor\":\"primer\",\"value\":1}"));
			InvokeResult first = emulator.invoke("{\"sensor\":\"primer\",\"value\":3}");
			// The priming event went through the function before the snapshot: this is the second reading.
			assertThat(new JsonContent(first.payloadAsString())).as(log())
				.isStrictlyEqualTo("{\"sensor\":\"primer\",\"count\":2,\"mean\":2.0}");
			assertThat(emulator.runtimeRequests().get(0).path()).isEqualTo("/2018-06-01/runtime/restore/next");
			assertThat(log()).contains("Primed the function before the snapshot: 1 invocation(s) of the sample event");
		}
	}

	@Test
	void aFailingPrimingStopsTheSnapshotAndSaysWhy() throws Exception {
		try (LambdaEmulator emulator = LambdaEmulator.builder().timeout(Duration.ofSeconds(60)).snapStart(true).build()
			.start()) {
			this.process = start(emulator, "fail", List.of("-Dorg.crac.Core.Compat=com.amazonaws.services.lambda.crac"),
					Map.of("AWS_LAMBDA_INITIALIZATION_TYPE", "snap-start", "LAMBDA_RUNTIME_PRIMING_EVENT", "{}"));
			// AWS's client reports the failed hook as an init error, which Lambda shows to the invoke.
			InvokeResult failed = emulator.invoke("{}");
			assertThat(failed.functionError()).isEqualTo("Unhandled");
			assertThat(failed.payloadAsString()).contains("CheckpointException");
			assertThat(this.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
			assertThat(log()).contains("PrimingException: Priming invocation 1 of 1 failed on the sample event: boom");
		}
	}

	private static LambdaEmulator emulator() {
		return LambdaEmulator.builder()
			.timeout(Duration.ofSeconds(60))
			.initTimeout(SampleProcess.INIT_LIMIT)
			.build()
			.start();
	}

	private Process start(LambdaEmulator emulator, String function) throws IOException {
		return start(emulator, function, List.of(), Map.of());
	}

	private Process start(LambdaEmulator emulator, String function, List<String> jvmOptions,
			Map<String, String> variables) throws IOException {
		unzip(ZIP, this.taskRoot);
		String java = ProcessHandle.current().info().command().orElse("java");
		List<String> command = new ArrayList<>(List.of(java));
		command.addAll(SampleProcess.QUICK_START);
		command.addAll(jvmOptions);
		command.addAll(List.of("-cp", runtimeClassPath(), "com.amazonaws.services.lambda.runtime.api.client.AWSLambda",
				HANDLER));
		ProcessBuilder builder = new ProcessBuilder(command)
			// The client loads the function from its working directory, as Lambda runs it in /var/task.
			.directory(this.taskRoot.toFile())
			.redirectErrorStream(true)
			.redirectOutput(this.logs.resolve("app.log").toFile());
		Map<String, String> environment = builder.environment();
		environment.put("AWS_LAMBDA_RUNTIME_API", emulator.runtimeApi());
		environment.put("_HANDLER", HANDLER);
		environment.put("AWS_EXECUTION_ENV", "AWS_Lambda_java21");
		environment.put("MAIN_CLASS", SampleApplication.class.getName());
		environment.put("SPRING_CLOUD_FUNCTION_DEFINITION", function);
		environment.put("AWS_LAMBDA_FUNCTION_NAME", "sample");
		environment.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
		environment.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "1024");
		environment.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/sample");
		environment.put("AWS_LAMBDA_LOG_STREAM_NAME", "2026/11/26/[$LATEST]0123456789abcdef");
		environment.put("AWS_REGION", "eu-west-1");
		environment.put("LAMBDA_TASK_ROOT", this.taskRoot.toString());
		environment.putAll(variables);
		return builder.start();
	}

	/**
	 * The managed runtime's own class path: its client and the libraries the client needs. The function's classes
	 * and jars come from the task root, through the client's own class loader.
	 */
	private static String runtimeClassPath() {
		return Stream.of(AWSLambda.class, Context.class, PojoSerializer.class, SdkInternalThreadLocal.class)
			.map((type) -> location(type).toString())
			.collect(Collectors.joining(File.pathSeparator));
	}

	private static Path location(Class<?> type) {
		try {
			return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void unzip(Path zip, Path target) throws IOException {
		assertThat(zip).exists();
		try (ZipInputStream entries = new ZipInputStream(Files.newInputStream(zip))) {
			for (ZipEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
				Path file = target.resolve(entry.getName()).normalize();
				assertThat(file).startsWithRaw(target);
				if (entry.isDirectory()) {
					Files.createDirectories(file);
				}
				else {
					Files.createDirectories(file.getParent());
					Files.copy(entries, file);
				}
			}
		}
	}

	private static String userAgent(RuntimeRequest request) {
		String userAgent = request.header("User-Agent");
		return (userAgent != null) ? userAgent : "";
	}

	private String log() throws IOException {
		File file = this.logs.resolve("app.log").toFile();
		return file.exists() ? Files.readString(file.toPath()) : "";
	}

}
