package dev.lambdaruntime.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/**
 * One modification time for every file of a package, in every copy: the AOT cache refuses a jar whose time differs
 * from training, and the zip carries the time to wherever it is unzipped. It also makes the zips reproducible.
 */
final class FileTimes {

	/** 2000-01-01T00:00:00Z: after 1980, which zip's DOS times need, and plainly not a real build time. */
	static final Instant FIXED = Instant.parse("2000-01-01T00:00:00Z");

	private FileTimes() {
	}

	static void fix(Path root) throws IOException {
		List<Path> paths;
		try (Stream<Path> walk = Files.walk(root)) {
			paths = walk.toList();
		}
		FileTime time = FileTime.from(FIXED);
		for (Path path : paths) {
			Files.setLastModifiedTime(path, time);
		}
	}

}
