package dev.lambdaruntime.benchmarks.harness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What the report says about where it ran.
 */
final class Machine {

	private Machine() {
	}

	static String cpu() {
		return firstValue("/proc/cpuinfo", "model name");
	}

	static int processors() {
		return Runtime.getRuntime().availableProcessors();
	}

	static String memory() {
		String total = firstValue("/proc/meminfo", "MemTotal");
		try {
			long kb = Long.parseLong(total.replace("kB", "").trim());
			return String.format("%.1f GiB", kb / 1024.0 / 1024.0);
		}
		catch (NumberFormatException ex) {
			return total;
		}
	}

	static String os() {
		return System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
				+ System.getProperty("os.arch");
	}

	static String loadAverage() {
		try {
			String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
			return parts[0] + " " + parts[1] + " " + parts[2];
		}
		catch (IOException ex) {
			return "unknown";
		}
	}

	/**
	 * The version a {@code java} command reports.
	 * @param java the command
	 * @return its {@code -version} output, on one line
	 */
	static String javaVersion(String java) {
		try {
			Process process = new ProcessBuilder(java, "-version").redirectErrorStream(true).start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			process.waitFor(30, TimeUnit.SECONDS);
			List<String> lines = output.lines().filter((line) -> !line.startsWith("Picked up")).toList();
			return String.join("; ", lines.subList(0, Math.min(2, lines.size())));
		}
		catch (IOException ex) {
			return "unknown (" + ex.getMessage() + ")";
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return "unknown";
		}
	}

	private static String firstValue(String file, String key) {
		try {
			for (String line : Files.readAllLines(Path.of(file))) {
				if (line.startsWith(key)) {
					return line.substring(line.indexOf(':') + 1).trim();
				}
			}
		}
		catch (IOException ex) {
			// not Linux
		}
		return "unknown";
	}

}
