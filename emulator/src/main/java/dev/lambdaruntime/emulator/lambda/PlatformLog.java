package dev.lambdaruntime.emulator.lambda;

import java.io.PrintStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.OptionalLong;

import org.jspecify.annotations.Nullable;

/**
 * Writes the lines Lambda's platform adds to a function's log ({@code START}, {@code END}, {@code REPORT} and the
 * timeout and exit errors) into the invocation's tail, and echoes them when a stream is given.
 */
public final class PlatformLog {

	private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter
		.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT)
		.withZone(ZoneOffset.UTC);

	private final EmulatorSettings settings;

	private final @Nullable PrintStream echo;

	/**
	 * A log for one emulator.
	 * @param settings the settings, for the timeout and memory size
	 * @param echo where to print each line as well, if anywhere
	 */
	public PlatformLog(EmulatorSettings settings, @Nullable PrintStream echo) {
		this.settings = settings;
		this.echo = echo;
	}

	/**
	 * Writes {@code START}.
	 * @param invocation the invocation the runtime took
	 */
	public void start(Invocation invocation) {
		write(invocation, "START RequestId: " + invocation.requestId() + " Version: " + EmulatorSettings.VERSION);
	}

	/**
	 * Writes the error line, if any, then {@code END} and {@code REPORT}.
	 * @param invocation the invocation
	 * @param outcome how it ended
	 * @param initMillis the init duration, on the first invocation of a fresh runtime
	 * @param restoreMillis the restore duration instead, on the first invocation of a SnapStart runtime
	 * @param maxMemoryMb the runtime's peak memory, when known
	 */
	public void finish(Invocation invocation, Outcome outcome, OptionalDouble initMillis, OptionalDouble restoreMillis,
			OptionalLong maxMemoryMb) {
		String id = invocation.requestId();
		if (outcome.kind() == Outcome.Kind.TIMEOUT) {
			write(invocation, timedOut(this.settings, id));
		}
		else if (outcome.kind() == Outcome.Kind.EXIT_ERROR) {
			write(invocation, "RequestId: " + id + " Error: Runtime exited");
		}
		if (!invocation.started()) {
			return;
		}
		double millis = (System.nanoTime() - invocation.startedNanos()) / 1_000_000.0;
		StringBuilder report = new StringBuilder("REPORT RequestId: ").append(id);
		report.append(String.format(Locale.ROOT, "\tDuration: %.2f ms", millis));
		report.append("\tBilled Duration: ").append((long) Math.ceil(millis)).append(" ms");
		report.append("\tMemory Size: ").append(this.settings.memoryMb()).append(" MB");
		maxMemoryMb.ifPresent((mb) -> report.append("\tMax Memory Used: ").append(mb).append(" MB"));
		initMillis.ifPresent((init) -> report.append(String.format(Locale.ROOT, "\tInit Duration: %.2f ms", init)));
		restoreMillis.ifPresent((restore) -> report
			.append(String.format(Locale.ROOT, "\tRestore Duration: %.2f ms", restore))
			.append("\tBilled Restore Duration: ")
			.append((long) Math.ceil(restore))
			.append(" ms"));
		if (outcome.kind() == Outcome.Kind.TIMEOUT) {
			report.append("\tStatus: timeout");
		}
		else if (outcome.kind() == Outcome.Kind.EXIT_ERROR || outcome.kind() == Outcome.Kind.TOO_LARGE) {
			report.append("\tStatus: error\tError Type: ").append(outcome.errorType());
		}
		write(invocation, "END RequestId: " + id);
		write(invocation, report.toString());
	}

	/**
	 * Writes Lambda's line for an init that outlived the init limit.
	 */
	public void initTimedOut() {
		echo(String.format(Locale.ROOT, "INIT_REPORT Init Duration: %.2f ms\tPhase: init\tStatus: timeout",
				(double) this.settings.initLimit().toMillis()));
	}

	/**
	 * Writes Lambda's line for an init that failed before the runtime was ready, such as an extension's crash.
	 * @param initMillis how long the init ran
	 * @param errorType the error type, for example {@code Extension.Crash}
	 */
	public void initFailed(double initMillis, String errorType) {
		echo(String.format(Locale.ROOT, "INIT_REPORT Init Duration: %.2f ms\tPhase: init\tStatus: error",
				initMillis) + "\tError Type: " + errorType);
	}

	/**
	 * Writes a line of the runtime's own output.
	 * @param line the line
	 */
	public void echo(String line) {
		if (this.echo != null) {
			this.echo.println(line);
		}
	}

	/**
	 * Lambda's timeout message, as the error and as the log line.
	 * @param settings the settings, for the timeout
	 * @param requestId the invocation's request id
	 * @return {@code <timestamp> <requestId> Task timed out after N.NN seconds}
	 */
	static String timedOut(EmulatorSettings settings, String requestId) {
		return TIMESTAMP.format(Instant.now()) + " " + requestId + " Task timed out after " + settings.timeoutSeconds()
				+ " seconds";
	}

	private void write(Invocation invocation, String line) {
		invocation.log().append(line);
		echo(line);
	}

}
