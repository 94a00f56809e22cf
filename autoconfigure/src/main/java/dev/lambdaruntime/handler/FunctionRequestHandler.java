package dev.lambdaruntime.handler;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.lambdaruntime.api.FunctionFrames;
import dev.lambdaruntime.api.Invocation;
import dev.lambdaruntime.api.ResponseStream;
import dev.lambdaruntime.loop.InvocationResponse;

/**
 * The handler for Lambda's managed Java runtimes ({@code java21}, {@code java25}): set the function's handler to
 * {@code dev.lambdaruntime.handler.FunctionRequestHandler} and {@code MAIN_CLASS} to the Spring Boot application (or
 * extend this class and pass the application class to its constructor). AWS's runtime client then drives the Runtime
 * API and calls this handler for each event; the function, its event adapters and its conversions are the ones the
 * runtime loop would use, and the loop itself stays off.
 * <p>
 * The application starts in the constructor, which the runtime calls during Lambda's init phase, once per
 * environment: with SnapStart the snapshot holds the started context.
 */
public class FunctionRequestHandler implements RequestStreamHandler {

	private final ManagedApplication application;

	/**
	 * Starts the application named by {@code MAIN_CLASS}, or else by the {@code Start-Class} of a Spring Boot jar on
	 * the class path, unless it already runs in this JVM.
	 */
	public FunctionRequestHandler() {
		this(ManagedApplication.applicationClass());
	}

	/**
	 * Starts the given application, unless it already runs in this JVM.
	 * @param applicationClass the Spring Boot application class
	 */
	protected FunctionRequestHandler(Class<?> applicationClass) {
		this(applicationClass, ManagedApplications.SHARED);
	}

	/**
	 * Starts the given application, unless it already runs in the given set.
	 * @param applicationClass the Spring Boot application class
	 * @param applications where started applications are kept
	 */
	FunctionRequestHandler(Class<?> applicationClass, ManagedApplications applications) {
		this.application = applications.of(applicationClass);
	}

	@Override
	public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
		Invocation invocation = this.application.invocations().from(context, input.readAllBytes());
		this.application.scope().enter(invocation);
		try {
			InvocationResponse response = this.application.handler().handle(invocation);
			ResponseStream stream = response.stream();
			if (stream != null) {
				// The managed runtime's client buffers what the handler writes: the stream goes out whole.
				stream.writeTo(output);
			}
			else {
				output.write(response.body());
			}
		}
		catch (Exception ex) {
			// Rethrown as it is: AWS's client reports the exception's own type as the error type. It cuts only its own
			// frames, so ours go first, and the report starts in the function's code as on the runtime loop.
			throw FunctionRequestHandler.<RuntimeException>unchecked(FunctionFrames.strip(ex));
		}
		finally {
			this.application.scope().exit(invocation);
		}
	}

	ManagedApplication application() {
		return this.application;
	}

	@SuppressWarnings("unchecked")
	private static <E extends Exception> E unchecked(Exception ex) throws E {
		throw (E) ex;
	}

}
