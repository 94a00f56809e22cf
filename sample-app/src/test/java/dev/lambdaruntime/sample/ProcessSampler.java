package dev.lambdaruntime.sample;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Samples a running JVM from outside, as Linux and the JDK's tools see it: resident memory, live threads, open file
 * descriptors, and (on request, as it forces a full GC) the heap in use after a GC.
 */
final class ProcessSampler {

	private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");

	private final long pid;

	ProcessSampler(long pid) {
		this.pid = pid;
	}

	Sample sample(long invocations, boolean heapAfterGc) throws IOException, InterruptedException {
		String status = Files.readString(proc("status"));
		long heapKb = heapAfterGc ? heapAfterGcKb() : -1;
		long fds;
		try (Stream<Path> open = Files.list(proc("fd"))) {
			fds = open.count();
		}
		return new Sample(invocations, field(status, "VmRSS") / 1024, (heapKb >= 0) ? heapKb / 1024 : -1,
				field(status, "Threads"), fds);
	}

	private long heapAfterGcKb() throws IOException, InterruptedException {
		jcmd("GC.run");
		// G1 prints its regions as "garbage-first heap   total 524288K, used 23456K"; the first "used" is the heap.
		Matcher used = HEAP_USED.matcher(jcmd("GC.heap_info"));
		return used.find() ? Long.parseLong(used.group(1)) : -1;
	}

	private String jcmd(String command) throws IOException, InterruptedException {
		Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
		Process process = new ProcessBuilder(jcmd.toString(), Long.toString(this.pid), command).redirectErrorStream(true)
			.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		process.waitFor(60, TimeUnit.SECONDS);
		return output;
	}

	private Path proc(String name) {
		return Path.of("/proc", Long.toString(this.pid), name);
	}

	private static long field(String status, String name) {
		for (String line : status.split("\n")) {
			if (line.startsWith(name + ":")) {
				return Long.parseLong(line.substring(name.length() + 1).replace("kB", "").strip());
			}
		}
		throw new IllegalStateException("No " + name + " in /proc status");
	}

	/**
	 * One sample.
	 *
	 * @param invocations how many invocations had ended
	 * @param rssMb resident memory
	 * @param heapMb heap in use after a full GC, or -1 when not sampled
	 * @param threads live threads
	 * @param fds open file descriptors
	 */
	record Sample(long invocations, long rssMb, long heapMb, long threads, long fds) {

		String row() {
			return String.format(Locale.ROOT, "| %,d | %d | %s | %d | %d |", this.invocations, this.rssMb,
					(this.heapMb >= 0) ? Long.toString(this.heapMb) : "-", this.threads, this.fds);
		}

	}

}
