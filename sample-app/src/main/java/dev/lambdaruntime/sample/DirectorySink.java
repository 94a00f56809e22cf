package dev.lambdaruntime.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.UUID;

/**
 * Writes each chunk as one file of JSON lines in a directory, atomically: a reader sees a whole chunk or none of it.
 */
public class DirectorySink implements ChunkSink {

	private final Path directory;

	/**
	 * A sink into a directory, created on the first write.
	 * @param directory the directory
	 */
	public DirectorySink(Path directory) {
		this.directory = directory;
	}

	@Override
	public void write(List<String> records) throws IOException {
		Files.createDirectories(this.directory);
		String name = "chunk-" + System.currentTimeMillis() + "-" + UUID.randomUUID();
		Path partial = this.directory.resolve("." + name + ".partial");
		Files.write(partial, records);
		// A rename within a directory is atomic: no half-written chunk is ever seen under its final name.
		Files.move(partial, this.directory.resolve(name + ".jsonl"), StandardCopyOption.ATOMIC_MOVE);
	}

}
