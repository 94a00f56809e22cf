package dev.lambdaruntime.maven;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class ContainerContextTests {

	@TempDir
	Path directory;

	@Test
	void copiesTheTaskRootKeepingModesAndTimes() throws Exception {
		Path taskRoot = Files.createDirectories(this.directory.resolve("function/app"));
		Files.writeString(taskRoot.resolve("app.jar"), "jar");
		new Bootstrap(false, List.of()).writeTo(taskRoot.getParent());
		FileTimes.fix(taskRoot.getParent());
		Path context = this.directory.resolve("container");
		ContainerContext.write(context, taskRoot.getParent(), "greeter", "1.0");
		assertThat(Files.isExecutable(context.resolve("function/bootstrap"))).isTrue();
		assertThat(Files.getLastModifiedTime(context.resolve("function/app/app.jar")))
			.isEqualTo(FileTime.from(FileTimes.FIXED));
		assertThat(Files.getLastModifiedTime(context.resolve("function/app"))).isEqualTo(FileTime.from(FileTimes.FIXED));
		DockerfileCheck.assertBuildable(context);
	}

	@Test
	void theImageIsX86OnLambdasBaseWithTheBootstrapAsEntryPoint() {
		String dockerfile = ContainerContext.dockerfile("greeter", "1.0");
		assertThat(dockerfile).contains("FROM --platform=linux/amd64 public.ecr.aws/lambda/provided:al2023\n")
			.contains("COPY function/ /var/task/\n")
			.contains("ENTRYPOINT [\"/var/task/bootstrap\"]\n")
			.contains("org.opencontainers.image.title=\"greeter\"")
			.contains("com.amazonaws.lambda.feature.snapstart=\"Allow\"");
	}

}
