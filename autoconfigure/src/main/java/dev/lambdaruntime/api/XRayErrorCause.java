package dev.lambdaruntime.api;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * An exception in the shape X-Ray's console shows, sent beside an invocation error as the
 * {@code Lambda-Runtime-Function-XRay-Error-Cause} header: {@code {"working_directory", "exceptions": [{"type",
 * "message", "stack": [{"label", "path", "line"}]}], "paths": [...]}}, as AWS's Java runtime sends it.
 * <p>
 * The value is ASCII (other characters escaped as JSON {@code \\uXXXX}) and at most {@link #MAX_BYTES} long: a cause
 * too large keeps its first frames and a shortened message, and one still too large is not sent at all, since the
 * error body carries the same facts.
 */
public final class XRayErrorCause {

	/** The largest header value the Runtime API takes. */
	public static final int MAX_BYTES = 64 * 1024;

	/** What a cause too large keeps: frames, then characters of its message. */
	private static final int TRIMMED_FRAMES = 64;

	private static final int TRIMMED_MESSAGE = 1024;

	private final String json;

	private XRayErrorCause(String json) {
		this.json = json;
	}

	/**
	 * The cause for an exception, with the function's own frames (see {@link FunctionFrames}), or {@code null} when
	 * even a trimmed one would not fit in {@link #MAX_BYTES}.
	 * @param throwable the exception the function threw
	 * @param workingDirectory the function's directory ({@code user.dir}: the task root on Lambda)
	 * @return the cause, or {@code null}
	 */
	public static @Nullable XRayErrorCause of(Throwable throwable, String workingDirectory) {
		StackTraceElement[] frames = FunctionFrames.of(throwable);
		String message = messageOf(throwable);
		String json = toJson(throwable, message, frames, workingDirectory);
		if (json.length() > MAX_BYTES) {
			String shortMessage = (message.length() > TRIMMED_MESSAGE) ? message.substring(0, TRIMMED_MESSAGE)
					: message;
			json = toJson(throwable, shortMessage, Arrays.copyOf(frames, Math.min(frames.length, TRIMMED_FRAMES)),
					workingDirectory);
		}
		return (json.length() <= MAX_BYTES) ? new XRayErrorCause(json) : null;
	}

	/**
	 * The header value.
	 * @return ASCII JSON, at most {@link #MAX_BYTES} characters
	 */
	public String toJson() {
		return this.json;
	}

	@Override
	public String toString() {
		return this.json;
	}

	private static String messageOf(Throwable throwable) {
		String message = throwable.getMessage();
		return (message != null) ? message : throwable.getClass().getName();
	}

	private static String toJson(Throwable throwable, String message, StackTraceElement[] frames,
			String workingDirectory) {
		StringBuilder json = new StringBuilder(256 + frames.length * 64);
		json.append("{\"working_directory\":");
		JsonText.appendAsciiString(json, workingDirectory);
		json.append(",\"exceptions\":[{\"type\":");
		JsonText.appendAsciiString(json, throwable.getClass().getName());
		json.append(",\"message\":");
		JsonText.appendAsciiString(json, message);
		json.append(",\"stack\":[");
		Set<String> paths = new LinkedHashSet<>();
		for (int i = 0; i < frames.length; i++) {
			String path = fileName(frames[i]);
			paths.add(path);
			json.append((i > 0) ? ",{\"label\":" : "{\"label\":");
			JsonText.appendAsciiString(json, frames[i].getMethodName());
			json.append(",\"path\":");
			JsonText.appendAsciiString(json, path);
			json.append(",\"line\":").append(frames[i].getLineNumber()).append('}');
		}
		json.append("]}],\"paths\":[");
		int i = 0;
		for (String path : paths) {
			json.append((i++ > 0) ? "," : "");
			JsonText.appendAsciiString(json, path);
		}
		return json.append("]}").toString();
	}

	/**
	 * The frame's source file, or one made from its class name when the class was compiled without it.
	 */
	private static String fileName(StackTraceElement frame) {
		if (frame.getFileName() != null) {
			return frame.getFileName();
		}
		String className = frame.getClassName();
		return className.substring(className.lastIndexOf('.') + 1) + ".java";
	}

}
