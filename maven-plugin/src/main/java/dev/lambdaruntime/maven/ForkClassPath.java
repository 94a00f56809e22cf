package dev.lambdaruntime.maven;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.lambdaruntime.emulator.LambdaEmulator;
import dev.lambdaruntime.maven.fork.TrainingRun;

/**
 * The class path of the JVMs the plugin forks: its own {@code fork} classes and the emulator, wherever Maven resolved
 * them.
 */
final class ForkClassPath {

	private ForkClassPath() {
	}

	static List<String> entries() {
		return Stream.of(TrainingRun.class, LambdaEmulator.class).map(ForkClassPath::location).distinct().toList();
	}

	static String joined() {
		return entries().stream().collect(Collectors.joining(File.pathSeparator));
	}

	private static String location(Class<?> type) {
		try {
			return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException("Cannot locate " + type.getName(), ex);
		}
	}

}
