package dev.lambdaruntime.sample;

import java.io.IOException;
import java.util.List;

/**
 * Where the {@link RecordBuffer} writes each chunk of records: a directory in this sample; in production an S3 bucket
 * (one {@code PutObject} per chunk), a Kinesis stream or a database batch insert.
 */
@FunctionalInterface
public interface ChunkSink {

	/**
	 * Writes one chunk, whole or not at all.
	 * @param records the records, one JSON document each
	 * @throws IOException when the chunk could not be written; the records stay buffered
	 */
	void write(List<String> records) throws IOException;

}
