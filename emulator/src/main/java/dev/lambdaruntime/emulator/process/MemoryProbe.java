package dev.lambdaruntime.emulator.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * Reads a process tree's peak resident memory from {@code /proc/<pid>/status} ({@code VmHWM}, else {@code VmRSS}),
 * for REPORT's {@code Max Memory Used}; empty where there is no {@code /proc}.
 */
final class MemoryProbe {

	private MemoryProbe() {
	}

	static OptionalLong maxMemoryMb(ProcessHandle process) {
		long kilobytes = Stream.concat(Stream.of(process), process.descendants())
			.mapToLong((handle) -> peakKilobytes(handle.pid()))
			.filter((kb) -> kb >= 0)
			.sum();
		return (kilobytes > 0) ? OptionalLong.of((kilobytes + 1023) / 1024) : OptionalLong.empty();
	}

	static long peakKilobytes(long pid) {
		try {
			long rss = -1;
			for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
				if (line.startsWith("VmHWM:")) {
					return kilobytes(line);
				}
				if (line.startsWith("VmRSS:")) {
					rss = kilobytes(line);
				}
			}
			return rss;
		}
		catch (IOException | RuntimeException ex) {
			return -1;
		}
	}

	private static long kilobytes(String line) {
		return Long.parseLong(line.substring(line.indexOf(':') + 1).replace("kB", "").strip());
	}

}
