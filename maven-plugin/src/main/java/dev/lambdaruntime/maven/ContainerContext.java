package dev.lambdaruntime.maven;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A {@code docker build} context for a Lambda container image that runs our runtime loop: the same task root as
 * {@code function.zip} (bootstrap, jlinked JRE, extracted app, AOT cache) on AWS's {@code provided.al2023} base
 * image, with the bootstrap as entry point.
 */
final class ContainerContext {

	static final String DIRECTORY = "container";

	static final String BASE_IMAGE = "public.ecr.aws/lambda/provided:al2023";

	/** Where Lambda's base images and the runtime expect the function: {@code LAMBDA_TASK_ROOT}. */
	static final String TASK_ROOT = "/var/task";

	private ContainerContext() {
	}

	/**
	 * Writes the context: {@code Dockerfile} and {@code function/}, a copy of the task root (hard links where
	 * possible).
	 * @param context the directory to write; replaced
	 * @param taskRoot the task root, AOT cache included
	 * @param title the image's title label
	 * @param version the image's version label
	 */
	static void write(Path context, Path taskRoot, String title, String version) throws IOException {
		Directories.delete(context);
		Files.createDirectories(context);
		Directories.copy(taskRoot, context.resolve("function"));
		Files.writeString(context.resolve("Dockerfile"), dockerfile(title, version), StandardCharsets.UTF_8);
		Files.writeString(context.resolve(".dockerignore"), "# Everything here goes into the image.\n",
				StandardCharsets.UTF_8);
	}

	/**
	 * What {@link #write} writes that a build needs: without any of them the context is not whole.
	 * @param context the context's directory
	 * @return the files
	 */
	static List<Path> files(Path context) {
		return List.of(context.resolve("Dockerfile"), context.resolve("function").resolve(Bootstrap.NAME),
				context.resolve("function").resolve(AotCacheTrainer.CACHE));
	}

	static String dockerfile(String title, String version) {
		return """
				# A Lambda container image for %1$s, written by lambda-runtime-maven-plugin:
				#   docker build --platform linux/amd64 -t %1$s .
				# Lambda runs the ENTRYPOINT as the runtime (AWS_LAMBDA_RUNTIME_API set); it is the same bootstrap, JRE and
				# AOT cache as function.zip's, and it implements /runtime/restore/next for SnapStart.
				# x86_64: the jlinked JRE and the AOT cache were built for it.
				FROM --platform=linux/amd64 %3$s
				LABEL org.opencontainers.image.title="%1$s" \\
				      org.opencontainers.image.version="%2$s" \\
				      org.opencontainers.image.description="%1$s on AWS Lambda (Lambda Runtime for Spring Boot)" \\
				      com.amazonaws.lambda.feature.snapstart="Allow"
				# COPY keeps the files' modes (readable by any user: Lambda does not run the image as root) and their
				# modification times, which the AOT cache checks against training.
				COPY function/ %4$s/
				WORKDIR %4$s
				ENTRYPOINT ["%4$s/bootstrap"]
				""".formatted(title, version, BASE_IMAGE, TASK_ROOT);
	}

}
