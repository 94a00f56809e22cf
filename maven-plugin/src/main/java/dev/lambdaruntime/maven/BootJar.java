package dev.lambdaruntime.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * The application's Spring Boot jar, as {@code spring-boot-maven-plugin}'s {@code repackage} leaves it.
 *
 * @param file the jar
 * @param startClass the application class ({@code Start-Class})
 * @param springAot whether Spring AOT's generated initializer for the application class is in it
 */
record BootJar(Path file, String startClass, boolean springAot) {

	/**
	 * Reads a jar.
	 * @param file the jar
	 * @return the Boot jar, or empty when the file is no Spring Boot executable jar
	 */
	static Optional<BootJar> read(Path file) throws IOException {
		if (!Files.isRegularFile(file)) {
			return Optional.empty();
		}
		try (JarFile jar = new JarFile(file.toFile())) {
			Manifest manifest = jar.getManifest();
			String startClass = (manifest != null) ? manifest.getMainAttributes().getValue("Start-Class") : null;
			if (startClass == null || jar.getEntry("BOOT-INF/classes/") == null) {
				return Optional.empty();
			}
			String initializer = "BOOT-INF/classes/" + startClass.replace('.', '/')
					+ "__ApplicationContextInitializer.class";
			return Optional.of(new BootJar(file, startClass, jar.getEntry(initializer) != null));
		}
	}

	/**
	 * The first Spring Boot jar among the project's artifacts.
	 * @param candidates the project's main artifact, then its attached artifacts
	 * @return the Boot jar
	 * @throws IllegalStateException when there is none
	 */
	static BootJar find(List<Path> candidates) throws IOException {
		for (Path candidate : candidates) {
			Optional<BootJar> jar = read(candidate);
			if (jar.isPresent()) {
				return jar.get();
			}
		}
		throw new IllegalStateException("No Spring Boot jar among " + candidates + ": declare spring-boot-maven-plugin "
				+ "(its repackage goal) before lambda-runtime-maven-plugin, so it runs first in the package phase");
	}

}
