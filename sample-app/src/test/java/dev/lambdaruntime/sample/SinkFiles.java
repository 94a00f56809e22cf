package dev.lambdaruntime.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads what the {@code buffer} function's {@link DirectorySink} wrote: every record of every whole chunk.
 */
final class SinkFiles {

	private static final JsonMapper json = JsonMapper.builder().build();

	private SinkFiles() {
	}

	/**
	 * The ids of every record written, one per record, in no particular order; a line that is not a whole record
	 * fails.
	 * @param directory the sink's directory
	 * @return the ids
	 */
	static List<String> ids(Path directory) {
		List<String> ids = new ArrayList<>();
		for (Path chunk : chunkFiles(directory)) {
			for (String line : readLines(chunk)) {
				Map<String, Object> record = json.readValue(line, new TypeReference<Map<String, Object>>() {
				});
				ids.add((String) record.get("id"));
			}
		}
		return ids;
	}

	/**
	 * How many chunk files were written.
	 * @param directory the sink's directory
	 * @return the number of {@code .jsonl} files
	 */
	static long chunks(Path directory) {
		return chunkFiles(directory).size();
	}

	private static List<Path> chunkFiles(Path directory) {
		if (!Files.isDirectory(directory)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(directory)) {
			return files.filter((file) -> file.getFileName().toString().endsWith(".jsonl")).toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static List<String> readLines(Path file) {
		try {
			return Files.readAllLines(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
