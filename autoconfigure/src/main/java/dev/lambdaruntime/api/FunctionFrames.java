package dev.lambdaruntime.api;

import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * The frames of a function's exception that are the function's own, as AWS's Java runtime shows them: the runtime's
 * frames (its workers, invokers and handlers, and everything below the first of them), Spring Cloud Function's
 * plumbing and reflection are left out, so an error report starts in the user's code.
 */
public final class FunctionFrames {

	/**
	 * The runtime's classes that call into the function (or into Spring Cloud Function on its behalf): from the first
	 * frame of one of them down, the stack is the runtime's. Named, not matched by package, since an application's
	 * own classes may share a package with them; {@code FunctionFramesTests} checks that each still exists.
	 */
	static final Set<String> RUNTIME_CLASSES = Set.of("dev.lambdaruntime.loop.Worker",
			"dev.lambdaruntime.api.RequestWriter", "dev.lambdaruntime.function.FunctionInvocationHandler",
			"dev.lambdaruntime.function.DirectInvoker", "dev.lambdaruntime.function.EventFunction",
			"dev.lambdaruntime.function.ResponseConverter", "dev.lambdaruntime.events.AwsEventAdapter",
			"dev.lambdaruntime.events.HttpEventHandler", "dev.lambdaruntime.events.RecordEventHandler",
			"dev.lambdaruntime.events.InputConverter", "dev.lambdaruntime.handler.FunctionRequestHandler",
			"dev.lambdaruntime.snapstart.Priming");

	/** Frames between the runtime and the function that are neither: left out wherever they stand. */
	private static final String[] PLUMBING = { "org.springframework.cloud.function.", "java.lang.reflect.",
			"jdk.internal.reflect.", "sun.reflect." };

	private FunctionFrames() {
	}

	/**
	 * The function's own frames of one exception (not of its causes).
	 * @param throwable an exception the function threw
	 * @return its frames without the runtime's
	 */
	public static StackTraceElement[] of(Throwable throwable) {
		StackTraceElement[] frames = throwable.getStackTrace();
		StackTraceElement[] kept = new StackTraceElement[frames.length];
		int count = 0;
		for (StackTraceElement frame : frames) {
			String type = frame.getClassName();
			if (isRuntimeClass(type)) {
				break;
			}
			if (!isPlumbing(type)) {
				kept[count++] = frame;
			}
		}
		return (count == frames.length) ? frames : Arrays.copyOf(kept, count);
	}

	/**
	 * Leaves only the function's own frames in an exception and its causes, for a caller that reports the exception
	 * itself (AWS's runtime client, on the managed runtime).
	 * @param <T> the exception's type
	 * @param throwable an exception the function threw
	 * @return the same exception
	 */
	public static <T extends Throwable> T strip(T throwable) {
		Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
		for (Throwable current = throwable; current != null && seen.add(current); current = current.getCause()) {
			current.setStackTrace(of(current));
		}
		return throwable;
	}

	private static boolean isRuntimeClass(String type) {
		int nested = type.indexOf('$');
		return RUNTIME_CLASSES.contains((nested < 0) ? type : type.substring(0, nested));
	}

	private static boolean isPlumbing(String type) {
		for (String prefix : PLUMBING) {
			if (type.startsWith(prefix)) {
				return true;
			}
		}
		return false;
	}

}
