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
		if (!Files.isDirectory(directory)) {
			return ids;
		}
		try (Stream<Path> files = Files.list(directory)) {
			for (Path chunk : files.filter((file) -> file.getFileName().toString().endsWith(".jsonl")).toList()) {
				for (String line : Files.readAllLines(chunk)) {
					Map<String, Object> record = json.readValue(line, new TypeReference<Map<String, Object>>() {
					});
					ids.add((String) record.get("id"));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return ids;
	}

	/**
	 * How many chunk files were written.
	 * @param directory the sink's directory
	 * @return the number of {@code .jsonl} files
	 */
	static long chunks(Path directory) {
		if (!Files.isDirectory(directory)) {
			return 0;
		}
		try (Stream<Path> files = Files.list(directory)) {
			return files.filter((file) -> file.getFileName().toString().endsWith(".jsonl")).count();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
