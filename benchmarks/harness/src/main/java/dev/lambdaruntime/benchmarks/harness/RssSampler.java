package dev.lambdaruntime.benchmarks.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Peak resident memory of a process tree: the sum of {@code VmRSS} over the process and its descendants, sampled
 * every few milliseconds, and never below the process's own {@code VmHWM} (the kernel's exact peak).
 */
final class RssSampler implements AutoCloseable {

	private static final long SAMPLE_MILLIS = 5;

	private static final long DISCOVER_MILLIS = 200;

	private final ProcessHandle process;

	private final Thread thread;

	private volatile boolean running = true;

	private volatile long peakKb;

	RssSampler(ProcessHandle process) {
		this.process = process;
		this.thread = new Thread(this::sample, "rss-sampler");
		this.thread.setDaemon(true);
		this.thread.start();
	}

	/**
	 * Stops sampling; call while the process is still alive.
	 * @return the peak in kB
	 */
	long stop() {
		long hwm = status(this.process.pid(), "VmHWM:");
		this.running = false;
		try {
			this.thread.join(1000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return Math.max(this.peakKb, hwm);
	}

	@Override
	public void close() {
		this.running = false;
	}

	private void sample() {
		List<Long> pids = new ArrayList<>(List.of(this.process.pid()));
		long discovered = 0;
		while (this.running && this.process.isAlive()) {
			long now = System.currentTimeMillis();
			if (now - discovered >= DISCOVER_MILLIS) {
				pids = new ArrayList<>(List.of(this.process.pid()));
				for (ProcessHandle child : this.process.descendants().toList()) {
					pids.add(child.pid());
				}
				discovered = now;
			}
			long sum = 0;
			for (long pid : pids) {
				sum += Math.max(status(pid, "VmRSS:"), 0);
			}
			if (sum > this.peakKb) {
				this.peakKb = sum;
			}
			try {
				Thread.sleep(SAMPLE_MILLIS);
			}
			catch (InterruptedException ex) {
				return;
			}
		}
	}

	/**
	 * One {@code kB} field of {@code /proc/<pid>/status}.
	 * @param pid the process
	 * @param field the field name with its colon
	 * @return the value in kB, or {@code -1} when the process is gone
	 */
	static long status(long pid, String field) {
		try {
			for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
				if (line.startsWith(field)) {
					return Long.parseLong(line.substring(field.length()).replace("kB", "").trim());
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			// gone
		}
		return -1;
	}

}
