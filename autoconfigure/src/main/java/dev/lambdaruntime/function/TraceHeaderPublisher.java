package dev.lambdaruntime.function;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

/**
 * Publishes an invocation's X-Ray trace header where the AWS SDK and the X-Ray SDK read it, as AWS's Java runtime does.
 * With one worker that is the system property {@code com.amazonaws.xray.traceHeader}; with several it is per thread
 * (the SDK's {@code SdkInternalThreadLocal} and the MDC), never one global value shared by concurrent invocations.
 */
public final class TraceHeaderPublisher {

	static final String SYSTEM_PROPERTY = "com.amazonaws.xray.traceHeader";

	static final String THREAD_LOCAL_KEY = "AWS_LAMBDA_X_TRACE_ID";

	static final String MDC_KEY = "AWS_LAMBDA_X_TraceId";

	private static final @Nullable MethodHandle SDK_THREAD_LOCAL_PUT = findSdkThreadLocalPut();

	private final boolean concurrent;

	/**
	 * A publisher for a runtime with the given number of workers.
	 * @param workers how many invocations run at once
	 */
	public TraceHeaderPublisher(int workers) {
		this.concurrent = workers > 1;
	}

	/**
	 * Publishes the trace header of the invocation about to run on this thread.
	 * @param traceHeader the {@code Lambda-Runtime-Trace-Id}, or {@code null}
	 */
	public void publish(@Nullable String traceHeader) {
		if (!this.concurrent) {
			if (traceHeader != null) {
				System.setProperty(SYSTEM_PROPERTY, traceHeader);
			}
			else {
				System.clearProperty(SYSTEM_PROPERTY);
			}
			return;
		}
		putThreadLocal(traceHeader);
		if (traceHeader != null) {
			MDC.put(MDC_KEY, traceHeader);
		}
	}

	/**
	 * Clears this thread's trace header after its invocation (the single-worker system property stays, as AWS's
	 * runtime leaves it, for work that outlives the invocation).
	 */
	public void clear() {
		if (this.concurrent) {
			putThreadLocal(null);
			MDC.remove(MDC_KEY);
		}
	}

	private static void putThreadLocal(@Nullable String traceHeader) {
		if (SDK_THREAD_LOCAL_PUT != null) {
			try {
				SDK_THREAD_LOCAL_PUT.invokeExact(THREAD_LOCAL_KEY, traceHeader);
			}
			catch (Throwable ex) {
				// The SDK's internal API changed; tracing degrades, invocations go on.
			}
		}
	}

	private static @Nullable MethodHandle findSdkThreadLocalPut() {
		for (String name : new String[] { "software.amazon.awssdk.utilslite.SdkInternalThreadLocal",
				"software.amazon.awssdk.utilslite.internal.SdkInternalThreadLocal" }) {
			try {
				Class<?> type = Class.forName(name, false, TraceHeaderPublisher.class.getClassLoader());
				return MethodHandles.publicLookup()
					.findStatic(type, "put", MethodType.methodType(void.class, String.class, String.class));
			}
			catch (ReflectiveOperationException | LinkageError ex) {
				// Not on the class path: no AWS SDK to tell.
			}
		}
		return null;
	}

}
