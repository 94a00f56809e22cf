package dev.lambdaruntime.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@code docker build} and Lambda would check of a context, without a Docker engine: an x86_64 base image, every
 * {@code COPY} source in the context, an {@code ENTRYPOINT} that names an executable file the copies put there.
 */
final class DockerfileCheck {

	private static final Pattern COPY = Pattern.compile("^COPY\\s+(\\S+)\\s+(\\S+)$");

	private static final Pattern ENTRYPOINT = Pattern.compile("^ENTRYPOINT \\[\"([^\"]+)\"\\]$");

	private DockerfileCheck() {
	}

	static void assertBuildable(Path context) throws IOException {
		List<String> lines = Files.readAllLines(context.resolve("Dockerfile"))
			.stream()
			.filter((line) -> !line.isBlank() && !line.startsWith("#") && !line.startsWith(" "))
			.toList();
		assertThat(lines).filteredOn((line) -> line.startsWith("FROM "))
			.singleElement()
			.asString()
			.startsWith("FROM --platform=linux/amd64 ");
		List<String[]> copies = new ArrayList<>();
		for (String line : lines) {
			Matcher copy = COPY.matcher(line);
			if (copy.matches()) {
				assertThat(context.resolve(copy.group(1))).as("COPY source of: " + line).exists();
				copies.add(new String[] { copy.group(1), copy.group(2) });
			}
		}
		String entryPoint = lines.stream()
			.map(ENTRYPOINT::matcher)
			.filter(Matcher::matches)
			.map((matcher) -> matcher.group(1))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No ENTRYPOINT [\"...\"] in " + lines));
		Path file = copies.stream()
			.filter((copy) -> entryPoint.startsWith(copy[1]))
			.map((copy) -> context.resolve(copy[0]).resolve(entryPoint.substring(copy[1].length())))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No COPY puts " + entryPoint + " into the image"));
		assertThat(Files.isRegularFile(file) && Files.isExecutable(file)).as("%s is an executable file", file).isTrue();
		assertThat(Files.readString(file)).startsWith("#!/bin/sh");
	}

}
