package dev.lambdaruntime.api;

import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.jspecify.annotations.Nullable;

/**
 * A blocking client for the Lambda Runtime API over one keep-alive HTTP/1.1 connection; one per worker thread.
 */
public final class RuntimeApiClient implements Closeable {

	private static final String BASE_PATH = "/2018-06-01";

	static final String USER_AGENT = "lambda-runtime-spring-boot/" + version();

	private static final HttpRequest NEXT = HttpRequest.get(BASE_PATH + "/runtime/invocation/next");

	private static final HttpRequest RESTORE_NEXT = HttpRequest.get(BASE_PATH + "/runtime/restore/next");

	private static final String INIT_ERROR = BASE_PATH + "/runtime/init/error";

	private static final String RESTORE_ERROR = BASE_PATH + "/runtime/restore/error";

	private static final String INVOCATION = BASE_PATH + "/runtime/invocation/";

	private static final int MAX_ERROR_TEXT = 1024;

	private final HttpConnection connection;

	/**
	 * A client for the Runtime API at {@code endpoint}; it connects on first use.
	 * @param endpoint the {@code host:port} from {@code AWS_LAMBDA_RUNTIME_API}
	 */
	public RuntimeApiClient(String endpoint) {
		this.connection = new HttpConnection(Endpoint.parse(endpoint), USER_AGENT);
	}

	/**
	 * Waits, without a timeout, for the next event ({@code GET /runtime/invocation/next}).
	 * @return the invocation
	 * @throws RuntimeApiException when the API answers other than 200
	 * @throws IOException when the connection fails (after one reconnect attempt) or the client was closed
	 */
	public Invocation next() throws IOException {
		HttpResponse response = this.connection.exchange(NEXT);
		if (response.status() != 200) {
			throw failure(NEXT, response);
		}
		return InvocationDecoder.decode(response);
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
		String[] headers = (contentType != null)
				? withInvocationId(invocation, RuntimeApiHeaders.CONTENT_TYPE, contentType)
				: withInvocationId(invocation);
		HttpRequest request = HttpRequest.post(invocationTarget(invocation, "/response"), body, headers);
		return outcome(request, this.connection.exchange(request));
	}

	/**
	 * Streams an invocation's result ({@code POST /runtime/invocation/{id}/response} in Lambda's streaming response
	 * mode): the body leaves in chunks as the stream writes it, and a failure of the stream after the first bytes is
	 * sent as the {@code Lambda-Runtime-Function-Error-Type} and {@code -Error-Body} trailers.
	 * @param invocation the invocation answered
	 * @param contentType the response content type, passed on to the caller
	 * @param stream writes the response
	 * @return what the API said, and the stream's own failure if it had one
	 * @throws RuntimeApiException on a 5xx container error
	 * @throws IOException when the connection fails
	 */
	public StreamedResponse respondStreaming(Invocation invocation, @Nullable String contentType, ResponseStream stream)
			throws IOException {
		String[] headers = (contentType != null)
				? withInvocationId(invocation, RuntimeApiHeaders.FUNCTION_RESPONSE_MODE, RuntimeApiHeaders.STREAMING,
						RuntimeApiHeaders.CONTENT_TYPE, contentType)
				: withInvocationId(invocation, RuntimeApiHeaders.FUNCTION_RESPONSE_MODE, RuntimeApiHeaders.STREAMING);
		HttpRequest request = HttpRequest.postStreaming(invocationTarget(invocation, "/response"), stream, headers);
		HttpConnection.StreamedExchange exchange = this.connection.exchangeStreaming(request);
		return new StreamedResponse(outcome(request, exchange.response()), exchange.failure());
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
		return reportError(invocation, error, null);
	}

	/**
	 * Reports an invocation's failure ({@code POST /runtime/invocation/{id}/error}) with the exception for X-Ray.
	 * @param invocation the invocation that failed
	 * @param error the error, whose type is also sent as {@code Lambda-Runtime-Function-Error-Type}
	 * @param xrayCause the exception as X-Ray shows it, sent as {@code Lambda-Runtime-Function-XRay-Error-Cause}
	 * @return what the API said
	 * @throws RuntimeApiException on a 5xx container error
	 * @throws IOException when the connection fails
	 */
	public ResponseOutcome reportError(Invocation invocation, ErrorReport error, @Nullable XRayErrorCause xrayCause)
			throws IOException {
		String[] headers = (xrayCause != null)
				? withInvocationId(invocation, RuntimeApiHeaders.FUNCTION_ERROR_TYPE, error.errorType(),
						RuntimeApiHeaders.CONTENT_TYPE, ContentTypes.LAMBDA_ERROR,
						RuntimeApiHeaders.FUNCTION_XRAY_ERROR_CAUSE, xrayCause.toJson())
				: withInvocationId(invocation, RuntimeApiHeaders.FUNCTION_ERROR_TYPE, error.errorType(),
						RuntimeApiHeaders.CONTENT_TYPE, ContentTypes.LAMBDA_ERROR);
		HttpRequest request = HttpRequest.post(invocationTarget(invocation, "/error"), error.toJson(), headers);
		return outcome(request, this.connection.exchange(request));
	}

	/**
	 * Reports that start-up failed ({@code POST /runtime/init/error}); the runtime exits afterwards. As AWS's runtime
	 * client does, the error type goes in {@code Lambda-Runtime-Function-Error-Type} and the exception in the body.
	 * @param errorType why start-up failed, such as {@link LambdaErrorType#BAD_FUNCTION_CODE}
	 * @param error the exception that says how
	 * @throws IOException when the connection fails or the API refuses
	 */
	public void reportInitError(LambdaErrorType errorType, ErrorReport error) throws IOException {
		postError(INIT_ERROR, errorType, error);
	}

	/**
	 * Tells Lambda the runtime is ready for its snapshot and waits for the restore ({@code GET /runtime/restore/next}).
	 * @throws IOException when the connection fails or the API refuses
	 */
	public void restoreNext() throws IOException {
		HttpResponse response = this.connection.exchange(RESTORE_NEXT);
		if (response.status() != 200) {
			throw failure(RESTORE_NEXT, response);
		}
	}

	/**
	 * Reports that an after-restore hook failed ({@code POST /runtime/restore/error}, error type
	 * {@link LambdaErrorType#AFTER_RESTORE_ERROR}); the runtime exits afterwards.
	 * @param error the exception the hook threw
	 * @throws IOException when the connection fails or the API refuses
	 */
	public void reportRestoreError(ErrorReport error) throws IOException {
		postError(RESTORE_ERROR, LambdaErrorType.AFTER_RESTORE_ERROR, error);
	}

	/**
	 * Closes the connection; a thread blocked in {@link #next()} gets an {@link IOException}.
	 */
	@Override
	public void close() {
		this.connection.close();
	}

	private void postError(String target, LambdaErrorType errorType, ErrorReport error) throws IOException {
		HttpRequest request = HttpRequest.post(target, error.toJson(), RuntimeApiHeaders.FUNCTION_ERROR_TYPE,
				errorType.value(), RuntimeApiHeaders.CONTENT_TYPE, ContentTypes.LAMBDA_ERROR);
		HttpResponse response = this.connection.exchange(request);
		if (response.status() != 202) {
			throw failure(request, response);
		}
	}

	private static String invocationTarget(Invocation invocation, String answer) {
		return INVOCATION + PathSegment.encode(invocation.requestId()) + answer;
	}

	/**
	 * The given headers, plus the invocation id echoed when Lambda sent one.
	 */
	private static String[] withInvocationId(Invocation invocation, String... headers) {
		String invocationId = invocation.invocationId();
		if (invocationId == null) {
			return headers;
		}
		String[] all = Arrays.copyOf(headers, headers.length + 2);
		all[headers.length] = RuntimeApiHeaders.INVOCATION_ID;
		all[headers.length + 1] = invocationId;
		return all;
	}

	private static ResponseOutcome outcome(HttpRequest request, HttpResponse response) throws RuntimeApiException {
		return switch (response.status()) {
			case 202 -> ResponseOutcome.ACCEPTED;
			case 413 -> ResponseOutcome.PAYLOAD_TOO_LARGE;
			case 410 -> ResponseOutcome.INVOCATION_GONE;
			case 400, 403 -> ResponseOutcome.REJECTED;
			default -> throw failure(request, response);
		};
	}

	static RuntimeApiException failure(HttpRequest request, HttpResponse response) {
		byte[] body = response.body();
		String text = new String(body, 0, Math.min(body.length, MAX_ERROR_TEXT), StandardCharsets.UTF_8);
		String detail = text.isBlank() ? "" : ": " + text.strip() + ((body.length > MAX_ERROR_TEXT) ? "..." : "");
		return new RuntimeApiException(request + " answered " + response.status() + detail, response.status());
	}

	private static String version() {
		String version = RuntimeApiClient.class.getPackage().getImplementationVersion();
		return (version != null && !version.isBlank()) ? version : "dev";
	}

}
