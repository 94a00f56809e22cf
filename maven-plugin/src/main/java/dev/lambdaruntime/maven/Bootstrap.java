package dev.lambdaruntime.maven;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * The task root's {@code bootstrap}: the custom runtime's entry point, which runs the extracted application on the
 * bundled JRE with the AOT cache.
 *
 * @param springAot whether to use the bean definitions Spring AOT generated at build time
 * @param jvmOptions further JVM options, from the plugin's configuration
 */
record Bootstrap(boolean springAot, List<String> jvmOptions) {

	static final String NAME = "bootstrap";

	/**
	 * The script.
	 * @return POSIX {@code sh}
	 */
	String script() {
		StringBuilder java = new StringBuilder("exec ./jre/bin/java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xms4m $aot");
		if (this.springAot) {
			java.append(" -Dspring.aot.enabled=true");
		}
		this.jvmOptions.forEach((option) -> java.append(' ').append(option));
		java.append(" -jar app/app.jar\n");
		return """
				#!/bin/sh
				# Lambda custom runtime entry point (provided.al2023, or a container image): the bundled JRE runs the
				# extracted app. Written by lambda-runtime-maven-plugin.
				# Paths are relative to the task root, as at training: the AOT cache holds the class path it was made with.
				set -e
				cd "${LAMBDA_TASK_ROOT:-$(dirname "$0")}"

				# A cache that does not match (another JRE, changed jars) is refused with a warning; the app starts without it.
				aot=""
				if [ -f app.aot ]; then
					aot="-XX:AOTCache=app.aot"
				fi

				# Serial GC: one or two vCPUs and a small heap, where G1's threads and bookkeeping only cost.
				# TieredStopAtLevel=1: C1 only; short functions rarely pay back C2's compile time.
				# Xms4m: a small first heap, grown as the function needs (up to the default maximum, a quarter of its
				# memory); every MB committed and touched counts in memory used.
				""" + (this.springAot ? "# spring.aot.enabled: the bean definitions Spring AOT generated at build time.\n"
						: "") + java;
	}

	/**
	 * Writes the script, executable, into the task root.
	 * @param taskRoot the task root
	 * @return the script
	 */
	Path writeTo(Path taskRoot) throws IOException {
		Path file = taskRoot.resolve(NAME);
		Files.writeString(file, script(), StandardCharsets.UTF_8);
		Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
		return file;
	}

}
