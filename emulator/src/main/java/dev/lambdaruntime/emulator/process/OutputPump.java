package dev.lambdaruntime.emulator.process;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Copies one of the runtime's output streams, line by line, to a consumer on its own thread.
 */
final class OutputPump {

	private final InputStream in;

	private final Thread thread;

	private volatile boolean busy;

	private volatile long lastLineNanos;

	OutputPump(InputStream in, Consumer<String> lines, String name) {
		this.in = in;
		this.thread = new Thread(() -> pump(lines), name);
		this.thread.setDaemon(true);
		this.thread.start();
	}

	/**
	 * Waits, up to {@code maxMillis}, until no line has come for {@code quietMillis}, so lines the runtime wrote
	 * before its answer land before END. (The pipe's {@code available()} cannot be asked while the pump reads: the
	 * JDK's process stream holds its lock across a blocking read.)
	 * @param quietMillis how long without output counts as caught up
	 * @param maxMillis the longest wait
	 */
	void awaitQuiet(long quietMillis, long maxMillis) {
		long now = System.nanoTime();
		long until = now + maxMillis * 1_000_000;
		long quiet = quietMillis * 1_000_000;
		while (now < until && (this.busy || now - this.lastLineNanos < quiet)) {
			sleep(1);
			now = System.nanoTime();
		}
	}

	void join(long maxMillis) {
		try {
			this.thread.join(maxMillis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void pump(Consumer<String> lines) {
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(this.in, StandardCharsets.UTF_8))) {
			while (true) {
				String line = reader.readLine();
				if (line == null) {
					return;
				}
				this.busy = true;
				lines.accept(line);
				this.lastLineNanos = System.nanoTime();
				this.busy = reader.ready();
			}
		}
		catch (IOException ex) {
			// The runtime's stream closed.
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
