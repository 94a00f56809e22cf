package dev.lambdaruntime.metrics;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Keeps the EMF documents a registry writes, in place of standard output: declare it as a bean in tests.
 */
public final class CapturedMetrics implements MetricsOutput {

	private final List<String> lines = new CopyOnWriteArrayList<>();

	@Override
	public void write(String line) {
		this.lines.add(line);
	}

	/**
	 * The documents written so far, each checked against EMF's specification.
	 * @return the documents, in order
	 */
	public List<EmfDocument> documents() {
		return this.lines.stream().map(EmfDocument::parse).toList();
	}

	/**
	 * Forgets the documents written so far.
	 */
	public void clear() {
		this.lines.clear();
	}

}
