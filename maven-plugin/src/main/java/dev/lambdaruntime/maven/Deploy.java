package dev.lambdaruntime.maven;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Which of the three deploys the SAM template describes.
 */
enum Deploy {

	/** {@code managed.zip} on the managed Java runtime behind {@code FunctionRequestHandler}, with SnapStart. */
	MANAGED,

	/** {@code function.zip} on the OS-only {@code provided.al2023} runtime: our loop, the JRE and the AOT cache. */
	ZIP,

	/** The container image built from {@code container/}: our loop as entry point. */
	IMAGE;

	static Deploy of(String name) {
		try {
			return valueOf(name.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("deploy must be one of " + Arrays.stream(values())
				.map((deploy) -> deploy.name().toLowerCase(Locale.ROOT))
				.collect(Collectors.joining(", ")) + ", not '" + name + "'");
		}
	}

}
