package dev.lambdaruntime.api;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * An error in the shape AWS's Java runtime reports it:
 * {@code {"errorMessage", "errorType", "stackTrace": [...], "cause": {...}}}.
 *
 * @param errorType the fully qualified exception class name, or a {@code Runtime.*} category
 * @param errorMessage the exception's message, or its class name when it has none
 * @param stackTrace one {@link StackTraceElement#toString()} line per frame
 * @param cause the report of the cause, if any
 */
public record ErrorReport(String errorType, String errorMessage, List<String> stackTrace,
		@Nullable ErrorReport cause) {

	public ErrorReport {
		stackTrace = List.copyOf(stackTrace);
	}

	/**
	 * An error with no stack trace, for failures that are not exceptions (a bad configuration, a size limit).
	 * @param errorType the error type
	 * @param errorMessage the message
	 * @return the report
	 */
	public static ErrorReport of(String errorType, String errorMessage) {
		return new ErrorReport(errorType, errorMessage, Collections.emptyList(), null);
	}

	/**
	 * An error of one of Lambda's own types, with no stack trace.
	 * @param errorType the error type
	 * @param errorMessage the message
	 * @return the report
	 */
	public static ErrorReport of(LambdaErrorType errorType, String errorMessage) {
		return of(errorType.value(), errorMessage);
	}

	/**
	 * The report of an exception and its causes, every frame of them.
	 * @param throwable the exception
	 * @return the report
	 */
	public static ErrorReport of(Throwable throwable) {
		return of(throwable, Throwable::getStackTrace, Collections.newSetFromMap(new IdentityHashMap<>()));
	}

	/**
	 * The report of an exception the function threw: of it and its causes, only the function's own frames (see
	 * {@link FunctionFrames}), as AWS's Java runtime reports a handler's exception.
	 * @param throwable the exception
	 * @return the report
	 */
	public static ErrorReport ofFunctionError(Throwable throwable) {
		return of(throwable, FunctionFrames::of, Collections.newSetFromMap(new IdentityHashMap<>()));
	}

	private static ErrorReport of(Throwable throwable, Function<Throwable, StackTraceElement[]> framesOf,
			Set<Throwable> seen) {
		seen.add(throwable);
		String message = throwable.getMessage();
		List<String> frames = new ArrayList<>();
		for (StackTraceElement element : framesOf.apply(throwable)) {
			frames.add(element.toString());
		}
		Throwable cause = throwable.getCause();
		// A cause cycle would otherwise recurse for ever.
		ErrorReport causeReport = (cause != null && !seen.contains(cause)) ? of(cause, framesOf, seen) : null;
		String type = throwable.getClass().getName();
		return new ErrorReport(type, (message != null) ? message : type, frames, causeReport);
	}

	/**
	 * The JSON body the Runtime API takes.
	 * @return UTF-8 JSON bytes
	 */
	public byte[] toJson() {
		StringBuilder json = new StringBuilder(256);
		appendTo(json);
		return json.toString().getBytes(StandardCharsets.UTF_8);
	}

	private void appendTo(StringBuilder json) {
		json.append("{\"errorMessage\":");
		JsonText.appendString(json, this.errorMessage);
		json.append(",\"errorType\":");
		JsonText.appendString(json, this.errorType);
		json.append(",\"stackTrace\":[");
		for (int i = 0; i < this.stackTrace.size(); i++) {
			if (i > 0) {
				json.append(',');
			}
			JsonText.appendString(json, this.stackTrace.get(i));
		}
		json.append(']');
		if (this.cause != null) {
			json.append(",\"cause\":");
			this.cause.appendTo(json);
		}
		json.append('}');
	}

}
