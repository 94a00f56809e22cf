package dev.lambdaruntime.maven;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class BootstrapTests {

	@TempDir
	Path taskRoot;

	@Test
	void runsTheExtractedAppOnTheBundledJreWithTheCacheFromTheTaskRoot() {
		String script = new Bootstrap(false, List.of()).script();
		assertThat(script).startsWith("#!/bin/sh\n")
			.contains("cd \"${LAMBDA_TASK_ROOT:-$(dirname \"$0\")}\"")
			.contains("aot=\"-XX:AOTCache=app.aot\"")
			.endsWith("exec ./jre/bin/java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xms6m -XX:StringTableSize=4096"
					+ " -XX:CompileCommand=quiet"
					+ " '-XX:CompileCommand=exclude,jdk.internal.classfile.impl.StackMapGenerator::processBlock'"
					+ " '-XX:CompileCommand=exclude,jdk.internal.classfile.impl.StackCounter::<init>'"
					+ " -Djdk.reflect.useNativeAccessorOnly=true $aot"
					+ " -jar app/app.jar\n")
			.doesNotContain("spring.aot.enabled");
	}

	@Test
	void turnsSpringAotOnOnlyWhenTheJarHasIt() {
		assertThat(new Bootstrap(true, List.of()).script()).contains(" $aot -Dspring.aot.enabled=true -jar app/app.jar\n");
	}

	@Test
	void addsTheConfiguredJvmOptionsBeforeTheJar() {
		assertThat(new Bootstrap(false, List.of("-Xss512k", "-Dapp.mode=lambda")).script())
			.endsWith("$aot -Xss512k -Dapp.mode=lambda -jar app/app.jar\n");
	}

	@Test
	void passesEachOptionToTheJvmAsItIsWritten() throws Exception {
		Path java = this.taskRoot.resolve("jre/bin/java");
		Files.createDirectories(java.getParent());
		Files.writeString(java, "#!/bin/sh\nprintf '%s\\n' \"$@\"\n");
		java.toFile().setExecutable(true);
		Files.writeString(this.taskRoot.resolve("app.aot"), "");
		Path bootstrap = new Bootstrap(true, List.of("-Xss512k")).writeTo(this.taskRoot);
		ProcessBuilder builder = new ProcessBuilder("sh", bootstrap.toString()).redirectErrorStream(true);
		builder.environment().remove("LAMBDA_TASK_ROOT");
		Process process = builder.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor()).isZero();
		assertThat(output.lines()).containsExactly("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xms6m",
				"-XX:StringTableSize=4096", "-XX:CompileCommand=quiet",
				"-XX:CompileCommand=exclude,jdk.internal.classfile.impl.StackMapGenerator::processBlock",
				"-XX:CompileCommand=exclude,jdk.internal.classfile.impl.StackCounter::<init>",
				"-Djdk.reflect.useNativeAccessorOnly=true", "-XX:AOTCache=app.aot",
				"-Dspring.aot.enabled=true", "-Xss512k", "-jar", "app/app.jar");
	}

	@Test
	void isWrittenExecutable() throws Exception {
		Path file = new Bootstrap(false, List.of()).writeTo(this.taskRoot);
		assertThat(file).isEqualTo(this.taskRoot.resolve("bootstrap"));
		assertThat(Files.isExecutable(file)).isTrue();
	}

}
