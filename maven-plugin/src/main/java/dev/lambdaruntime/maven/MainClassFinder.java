package dev.lambdaruntime.maven;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds the {@code @SpringBootApplication} class among compiled classes: the one whose constant pool names the
 * annotation, Spring AOT's generated classes left out.
 */
final class MainClassFinder {

	private static final byte[] ANNOTATION = "Lorg/springframework/boot/autoconfigure/SpringBootApplication;"
		.getBytes(StandardCharsets.UTF_8);

	private MainClassFinder() {
	}

	/**
	 * The application class.
	 * @param classes the compiled classes
	 * @return its name
	 * @throws IllegalStateException when there is none, or more than one
	 */
	static String find(Path classes) throws IOException {
		List<String> found = new ArrayList<>();
		if (Files.isDirectory(classes)) {
			List<Path> files;
			try (Stream<Path> walk = Files.walk(classes)) {
				files = walk.filter((file) -> file.toString().endsWith(".class") && !file.toString().contains("__"))
					.sorted()
					.toList();
			}
			for (Path file : files) {
				if (contains(Files.readAllBytes(file), ANNOTATION)) {
					String name = classes.relativize(file).toString().replace('\\', '/');
					found.add(name.substring(0, name.length() - ".class".length()).replace('/', '.'));
				}
			}
		}
		if (found.size() != 1) {
			throw new IllegalStateException(((found.isEmpty()) ? "No @SpringBootApplication class in " + classes
					: "Several @SpringBootApplication classes: " + found) + "; set mainClass (-Dlambda-runtime.mainClass)");
		}
		return found.get(0);
	}

	static boolean contains(byte[] bytes, byte[] part) {
		outer: for (int i = 0; i <= bytes.length - part.length; i++) {
			for (int j = 0; j < part.length; j++) {
				if (bytes[i + j] != part[j]) {
					continue outer;
				}
			}
			return true;
		}
		return false;
	}

}
