package dev.lambdaruntime.metrics;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Where Embedded Metric Format documents go, one line each; called by many threads at once.
 */
@FunctionalInterface
public interface MetricsOutput {

	/**
	 * Standard output, where Lambda sends every line to CloudWatch Logs. Each line is one write to
	 * {@code System.out}, whose lock the log output shares, so neither another document nor a log line can land inside
	 * it; the log format does not touch it either.
	 */
	MetricsOutput STANDARD_OUTPUT = (line) -> {
		byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
		PrintStream out = System.out;
		out.write(bytes, 0, bytes.length);
		out.flush();
	};

	/**
	 * Writes one document.
	 * @param line the document, a JSON object without a line break
	 */
	void write(String line);

}
