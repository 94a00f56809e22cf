package dev.lambdaruntime.api;

import java.io.Closeable;
import java.io.IOException;

import org.jspecify.annotations.Nullable;

/**
 * A blocking client for the Lambda Runtime API over one keep-alive HTTP/1.1 connection; one per worker thread.
 */
public final class RuntimeApiClient implements Closeable {

	/**
	 * A client for the Runtime API at {@code endpoint}; it connects on first use.
	 * @param endpoint the {@code host:port} from {@code AWS_LAMBDA_RUNTIME_API}
	 */
	public RuntimeApiClient(String endpoint) {
		throw new UnsupportedOperationException("TODO");
	}

	/**
	 * Waits, without a timeout, for the next event ({@code GET /runtime/invocation/next}).
	 * @return the invocation
	 * @throws RuntimeApiException when the API answers other than 200
	 * @throws IOException when the connection fails (after one reconnect attempt) or the client was closed
	 */
	public Invocation next() throws IOException {
		throw new UnsupportedOperationException("TODO");
	}

	/**
	 * Sends an invocation's result ({@code POST /runtime/invocation/{id}/response}).
	 * @param invocation the invocation answered
	 * @param body the response bytes
	 * @param contentType the response content type, passed on to the caller
	 * @return what the API said
	 * @throws RuntimeApiException on a 5xx container error
	 * @throws IOException when the connection fails
	 */
	public ResponseOutcome respond(Invocation invocation, byte[] body, @Nullable String contentType)
			throws IOException {
		throw new UnsupportedOperationException("TODO");
	}

	/**
	 * Reports an invocation's failure ({@code POST /runtime/invocation/{id}/error}).
	 * @param invocation the invocation that failed
	 * @param error the error, whose type is also sent as {@code Lambda-Runtime-Function-Error-Type}
	 * @return what the API said
	 * @throws RuntimeApiException on a 5xx container error
	 * @throws IOException when the connection fails
	 */
	public ResponseOutcome reportError(Invocation invocation, ErrorReport error) throws IOException {
		throw new UnsupportedOperationException("TODO");
	}

	/**
	 * Reports that start-up failed ({@code POST /runtime/init/error}); the runtime exits afterwards.
	 * @param error the error
	 * @throws IOException when the connection fails or the API refuses
	 */
	public void reportInitError(ErrorReport error) throws IOException {
		throw new UnsupportedOperationException("TODO");
	}

	/**
	 * Tells Lambda the runtime is ready for its snapshot and waits for the restore ({@code GET /runtime/restore/next}).
	 * @throws IOException when the connection fails or the API refuses
	 */
	public void restoreNext() throws IOException {
		throw new UnsupportedOperationException("TODO");
	}

	/**
	 * Reports that an after-restore hook failed ({@code POST /runtime/restore/error}); the runtime exits afterwards.
	 * @param error the error
	 * @throws IOException when the connection fails or the API refuses
	 */
	public void reportRestoreError(ErrorReport error) throws IOException {
		throw new UnsupportedOperationException("TODO");
	}

	/**
	 * Closes the connection; a thread blocked in {@link #next()} gets an {@link IOException}.
	 */
	@Override
	public void close() {
		throw new UnsupportedOperationException("TODO");
	}

}
