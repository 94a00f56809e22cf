package dev.lambdaruntime.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Deletes and copies directory trees, keeping modes and modification times.
 */
final class Directories {

	private Directories() {
	}

	static void delete(Path root) throws IOException {
		if (!Files.exists(root)) {
			return;
		}
		List<Path> paths;
		try (Stream<Path> walk = Files.walk(root)) {
			paths = walk.sorted(Comparator.reverseOrder()).toList();
		}
		for (Path path : paths) {
			Files.delete(path);
		}
	}

	/**
	 * Copies a tree, each file as a hard link where the file system allows it (a copy otherwise): the same bytes,
	 * modes and times, without the disk space.
	 * @param source the tree
	 * @param target where it goes; must not exist
	 */
	static void copy(Path source, Path target) throws IOException {
		List<Path> paths;
		try (Stream<Path> walk = Files.walk(source)) {
			paths = walk.toList();
		}
		for (Path path : paths) {
			Path copy = target.resolve(source.relativize(path).toString());
			if (Files.isDirectory(path)) {
				Files.createDirectories(copy);
			}
			else {
				link(path, copy);
			}
		}
		// Directories last: creating their entries changed their times.
		for (Path path : paths) {
			if (Files.isDirectory(path)) {
				Files.setLastModifiedTime(target.resolve(source.relativize(path).toString()),
						Files.getLastModifiedTime(path));
			}
		}
	}

	private static void link(Path file, Path copy) throws IOException {
		try {
			Files.createLink(copy, file);
		}
		catch (IOException | UnsupportedOperationException ex) {
			Files.copy(file, copy, StandardCopyOption.COPY_ATTRIBUTES);
		}
	}

}
