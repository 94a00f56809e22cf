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

	// Explained in the script; the method names are quoted so that sh passes them as they are.
	private static final String JVM_OPTIONS = "-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xms6m -XX:StringTableSize=4096"
			+ " -XX:CompileCommand=quiet"
			+ " '-XX:CompileCommand=exclude,jdk.internal.classfile.impl.StackMapGenerator::processBlock'"
			+ " '-XX:CompileCommand=exclude,jdk.internal.classfile.impl.StackCounter::<init>'"
			+ " -Djdk.reflect.useNativeAccessorOnly=true";

	/**
	 * The script.
	 * @return POSIX {@code sh}
	 */
	String script() {
		StringBuilder java = new StringBuilder("exec ./jre/bin/java " + JVM_OPTIONS + " $aot");
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
				# Xms6m: a small first heap, grown as the function needs (up to the default maximum, a quarter of its
				# memory); every MB committed and touched counts in memory used. 6 MB rather than 4: Spring's start-up
				# then takes 10 young collections instead of 15.
				# StringTableSize=4096: the table of interned strings starts small and grows when it must; the default
				# 65,536 buckets are half a MB.
				# CompileCommand: no C1 for the two largest methods of the JDK's class-file library, with which the JVM
				# spins the classes the cache cannot hold (proxies, method handle forms) at start-up; compiling them
				# took 5 MB of compiler memory. quiet: the JVM does not print the commands.
				# useNativeAccessorOnly: reflection (Spring's start-up calls thousands of methods and constructors that
				# way) through the JVM's native accessors, instead of spinning method handle forms for each; about 20 ms
				# less start-up, a fraction of a microsecond more per reflective call afterwards.
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
