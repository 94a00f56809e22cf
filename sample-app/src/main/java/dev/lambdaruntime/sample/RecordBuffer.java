package dev.lambdaruntime.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records kept in memory between invocations, for as long as the execution environment lives: written to the sink in
 * chunks of N, and the rest when the application context closes. Thread-safe, for Managed Instances' concurrent
 * invocations.
 */
public class RecordBuffer {

	private static final Logger logger = LoggerFactory.getLogger(RecordBuffer.class);

	private final ChunkSink sink;

	private final int chunkSize;

	private final List<String> pending = new ArrayList<>();

	private long written;

	/**
	 * A buffer that writes every {@code chunkSize} records.
	 * @param sink where chunks go
	 * @param chunkSize how many records make a chunk
	 */
	public RecordBuffer(ChunkSink sink, int chunkSize) {
		if (chunkSize < 1) {
			throw new IllegalArgumentException("chunkSize must be at least 1, but was " + chunkSize);
		}
		this.sink = sink;
		this.chunkSize = chunkSize;
	}

	/**
	 * Adds a record; a full chunk is written before this returns.
	 * @param record the record, one JSON document
	 * @return how many records wait in memory, and how many were written so far
	 * @throws UncheckedIOException when a full chunk could not be written; the records stay buffered
	 */
	public synchronized BufferState add(String record) {
		this.pending.add(record);
		if (this.pending.size() >= this.chunkSize) {
			writePending();
		}
		return new BufferState(this.pending.size(), this.written);
	}

	/**
	 * Writes what is still buffered: Spring calls it when the context closes, which our runtime does on Lambda's
	 * SIGTERM, within the shutdown budget.
	 */
	@PreDestroy
	public synchronized void flush() {
		if (!this.pending.isEmpty()) {
			int count = this.pending.size();
			writePending();
			logger.info("Flushed {} buffered record(s) at shutdown", count);
		}
	}

	private void writePending() {
		try {
			this.sink.write(List.copyOf(this.pending));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not write " + this.pending.size() + " buffered record(s)", ex);
		}
		this.written += this.pending.size();
		this.pending.clear();
	}

	/**
	 * The buffer after a record went in.
	 *
	 * @param pending records in memory, not yet written
	 * @param written records written to the sink since start-up
	 */
	public record BufferState(int pending, long written) {
	}

}
