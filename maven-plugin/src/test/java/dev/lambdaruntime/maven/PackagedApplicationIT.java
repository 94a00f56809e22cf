package dev.lambdaruntime.maven;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.api.client.AWSLambda;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import dev.lambdaruntime.emulator.InvokeResult;
import dev.lambdaruntime.emulator.LambdaEmulator;
import dev.lambdaruntime.maven.fork.RuntimeVariables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.utilslite.SdkInternalThreadLocal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * What {@code mvn package} wrote for {@code src/it/word-counter}, an application that is not the sample (the starter
 * and the plugin, no configuration), built by the invoker as a user's build runs: each artifact serves an invocation
 * the way Lambda runs it.
 */
class PackagedApplicationIT {

	private static final Path LAMBDA = Path.of("target", "it", "word-counter", "target", "lambda");

	private static final String EVENT = "{\"text\":\"one two three\"}";

	@TempDir
	Path directory;

	private Process process;

	@BeforeAll
	static void built() {
		assumeFalse(Boolean.getBoolean("invoker.skip"), "invoker.skip: the invoker did not build word-counter");
		assertThat(LAMBDA).as("word-counter's target/lambda, which the invoker build writes").isDirectory();
	}

	@AfterEach
	void stop() throws InterruptedException {
		if (this.process != null && this.process.isAlive()) {
			this.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
		}
	}

	@Test
	void functionZipServesFromItsOwnBootstrapWithItsAotCache() throws Exception {
		Path taskRoot = unzip(LAMBDA.resolve("function.zip"), this.directory.resolve("task"));
		try (LambdaEmulator emulator = emulator(false)) {
			// AOTMode=on: a cache the unzipped files do not match would stop the JVM, not be skipped quietly.
			this.process = start(List.of(taskRoot.resolve("bootstrap").toString()), taskRoot, emulator,
					Map.of("JAVA_TOOL_OPTIONS", "-XX:AOTMode=on -Xlog:aot"));
			InvokeResult result = emulator.invoke(EVENT);
			assertThat(result.functionError()).as(log()).isNull();
			assertThat(result.payloadAsString()).isEqualTo("{\"words\":3}");
			assertThat(log()).contains("Opened AOT cache app.aot.").contains("Lambda runtime started");
		}
	}

	@Test
	void managedZipServesUnderAwsRuntimeClientWithoutMainClass() throws Exception {
		Path taskRoot = unzip(LAMBDA.resolve("managed.zip"), this.directory.resolve("task"));
		String handler = SamTemplate.HANDLER + "::handleRequest";
		try (LambdaEmulator emulator = emulator(false)) {
			String java = ProcessHandle.current().info().command().orElse("java");
			// MAIN_CLASS left unset: the handler finds the application in the zip's manifest.
			this.process = start(List.of(java, "-cp", runtimeClassPath(),
					"com.amazonaws.services.lambda.runtime.api.client.AWSLambda", handler), taskRoot, emulator,
					Map.of("_HANDLER", handler, "AWS_EXECUTION_ENV", "AWS_Lambda_java21"));
			InvokeResult result = emulator.invoke(EVENT);
			assertThat(result.functionError()).as(log()).isNull();
			assertThat(result.payloadAsString()).isEqualTo("{\"words\":3}");
			assertThat(log()).doesNotContain("Lambda runtime started");
		}
	}

	@Test
	void theContainerContextsEntryPointServesUnderSnapStart() throws Exception {
		Path context = LAMBDA.resolve(ContainerContext.DIRECTORY);
		DockerfileCheck.assertBuildable(context);
		Path taskRoot = context.resolve("function").toAbsolutePath();
		try (LambdaEmulator emulator = emulator(true)) {
			this.process = start(List.of(taskRoot.resolve("bootstrap").toString()), taskRoot, emulator,
					Map.of("AWS_LAMBDA_INITIALIZATION_TYPE", "snap-start", "JAVA_TOOL_OPTIONS", "-XX:AOTMode=on"));
			InvokeResult result = emulator.invoke(EVENT);
			assertThat(result.functionError()).as(log()).isNull();
			assertThat(result.payloadAsString()).isEqualTo("{\"words\":3}");
			// The emulator in SnapStart mode refuses /next before /runtime/restore/next: the loop went through it.
			assertThat(log()).contains("SnapStart");
		}
	}

	@Test
	void theTemplateDeploysTheManagedZipWithSnapStartAndPassesCfnLint() throws Exception {
		Path template = LAMBDA.resolve(SamTemplate.FILE);
		assertThat(Files.readString(template)).contains("CodeUri: managed.zip")
			.contains("ApplyOn: PublishedVersions")
			.contains("MAIN_CLASS: \"com.example.wordcounter.WordCounterApplication\"")
			.contains("Default: \"word-counter\"");
		CfnLint.assertNoErrors(template);
	}

	@Test
	void theSecondBuildOfTheUnchangedProjectLeavesFunctionZipAsItWas() throws IOException {
		// invoker.properties: two builds, one log; the second made the jar again, with new times.
		String log = Files.readString(LAMBDA.resolve("../../build.log"));
		assertThat(log).containsOnlyOnce("Building function.zip and container/: no record of an earlier build")
			.containsOnlyOnce("Training the AOT cache")
			.containsOnlyOnce("function.zip (")
			.containsOnlyOnce("function.zip and container/ are up to date: nothing changed since the last build "
					+ "(-Dlambda-runtime.force rebuilds)");
		assertThat(Files.getLastModifiedTime(LAMBDA.resolve(FunctionZip.FILE)))
			.as("function.zip, written by the first build, against the jar the second wrote")
			.isLessThan(Files.getLastModifiedTime(LAMBDA.resolve("../word-counter-1.0.0.jar")));
		assertThat(LAMBDA.resolve(UpToDateCheck.RECORD)).content().contains("springAot=false");
	}

	private static LambdaEmulator emulator(boolean snapStart) {
		// A loaded machine's cold start may outlast Lambda's 10 s init limit, which is not under test here.
		return LambdaEmulator.builder()
			.timeout(Duration.ofSeconds(60))
			.initTimeout(Duration.ofSeconds(60))
			.snapStart(snapStart)
			.build()
			.start();
	}

	private Process start(List<String> command, Path taskRoot, LambdaEmulator emulator, Map<String, String> variables)
			throws IOException {
		ProcessBuilder builder = new ProcessBuilder(command).directory(taskRoot.toFile())
			.redirectErrorStream(true)
			.redirectOutput(this.directory.resolve("runtime.log").toFile());
		Map<String, String> environment = builder.environment();
		environment.keySet().removeIf((name) -> name.startsWith("AWS_") || name.equals("JAVA_TOOL_OPTIONS"));
		environment.putAll(RuntimeVariables.of(emulator.runtimeApi(), "word-counter", taskRoot));
		environment.putAll(variables);
		return builder.start();
	}

	/**
	 * Unpacks a zip with the Unix modes and modification times it carries, as Lambda unpacks a deployment package.
	 */
	private static Path unzip(Path zip, Path target) throws IOException {
		assertThat(zip).exists();
		try (FileSystem archive = FileSystems.newFileSystem(URI.create("jar:" + zip.toAbsolutePath().toUri()),
				Map.of("enablePosixFileAttributes", "true"))) {
			Path root = archive.getPath("/");
			List<Path> entries;
			try (Stream<Path> walk = Files.walk(root)) {
				entries = walk.toList();
			}
			for (Path entry : entries) {
				Path file = target.resolve(root.relativize(entry).toString());
				if (Files.isDirectory(entry)) {
					Files.createDirectories(file);
				}
				else {
					Files.copy(entry, file);
					Files.setPosixFilePermissions(file, Files.getPosixFilePermissions(entry));
				}
			}
			// Times last: writing a directory's files changes its own.
			for (Path entry : entries) {
				Files.setLastModifiedTime(target.resolve(root.relativize(entry).toString()),
						Files.getLastModifiedTime(entry));
			}
		}
		return target;
	}

	/** The managed runtime's own class path: its client and the libraries the client needs. */
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

	private String log() throws IOException {
		Path file = this.directory.resolve("runtime.log");
		return Files.exists(file) ? Files.readString(file) : "";
	}

}
