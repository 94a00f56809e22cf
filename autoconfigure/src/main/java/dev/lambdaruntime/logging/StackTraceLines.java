package dev.lambdaruntime.logging;

import java.util.ArrayList;
import java.util.List;

import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;

/**
 * Turns a logged exception into the {@code stackTrace} lines of Lambda's JSON log format: one
 * {@link StackTraceElement#toString()} line per frame, then each cause introduced by a {@code Caused by:} line.
 */
final class StackTraceLines {

	private static final int MAX_CAUSES = 20;

	private StackTraceLines() {
	}

	static List<String> of(IThrowableProxy throwable) {
		List<String> lines = new ArrayList<>();
		appendFrames(lines, throwable);
		IThrowableProxy cause = throwable.getCause();
		for (int depth = 0; cause != null && depth < MAX_CAUSES; depth++) {
			lines.add("Caused by: " + describe(cause));
			if (cause.isCyclic()) {
				break;
			}
			appendFrames(lines, cause);
			cause = cause.getCause();
		}
		return lines;
	}

	static String describe(IThrowableProxy throwable) {
		String message = throwable.getMessage();
		return (message != null) ? throwable.getClassName() + ": " + message : throwable.getClassName();
	}

	private static void appendFrames(List<String> lines, IThrowableProxy throwable) {
		StackTraceElementProxy[] frames = throwable.getStackTraceElementProxyArray();
		int common = throwable.getCommonFrames();
		for (int i = 0; i < frames.length - common; i++) {
			lines.add(frames[i].getStackTraceElement().toString());
		}
		if (common > 0) {
			lines.add("... " + common + " more");
		}
	}

}
