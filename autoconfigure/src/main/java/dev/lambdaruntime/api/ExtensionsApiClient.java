package dev.lambdaruntime.api;

import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A blocking client for Lambda's Extensions API ({@code /2020-01-01/extension/...}, at the Runtime API's address)
 * over one keep-alive HTTP/1.1 connection; what an internal extension needs: register, then wait for events.
 */
public final class ExtensionsApiClient implements Closeable {

	private static final String BASE_PATH = "/2020-01-01/extension";

	private static final String REGISTER = BASE_PATH + "/register";

	private static final String NEXT = BASE_PATH + "/event/next";

	private static final String EXIT_ERROR = BASE_PATH + "/exit/error";

	private final HttpConnection connection;

	/**
	 * A client for the Extensions API at {@code endpoint}; it connects on first use.
	 * @param endpoint the {@code host:port} from {@code AWS_LAMBDA_RUNTIME_API}
	 */
	public ExtensionsApiClient(String endpoint) {
		this.connection = new HttpConnection(Endpoint.parse(endpoint), RuntimeApiClient.USER_AGENT);
	}

	/**
	 * Registers an extension ({@code POST /extension/register}); Lambda allows it only before the runtime's first
	 * {@code /next}, and sends SIGTERM before SIGKILL at shutdown once one registered.
	 * @param name the {@code Lambda-Extension-Name}, unique among the function's extensions
	 * @param events the events to receive: none, or {@code INVOKE} (an internal extension may not take
	 * {@code SHUTDOWN})
	 * @return the {@code Lambda-Extension-Identifier} the later calls need
	 * @throws RuntimeApiException when Lambda refuses, with its status and answer
	 * @throws IOException when the connection fails
	 */
	public String register(String name, List<String> events) throws IOException {
		StringBuilder body = new StringBuilder("{\"events\":[");
		for (int i = 0; i < events.size(); i++) {
			body.append((i > 0) ? ",\"" : "\"").append(events.get(i)).append('"');
		}
		HttpRequest request = HttpRequest.post(REGISTER, body.append("]}").toString().getBytes(StandardCharsets.UTF_8),
				RuntimeApiHeaders.EXTENSION_NAME, name, RuntimeApiHeaders.CONTENT_TYPE, ContentTypes.JSON);
		HttpResponse response = this.connection.exchange(request);
		String identifier = response.headers().get(RuntimeApiHeaders.EXTENSION_IDENTIFIER);
		if (response.status() != 200 || identifier == null || identifier.isBlank()) {
			throw RuntimeApiClient.failure(request, response);
		}
		return identifier.strip();
	}

	/**
	 * Waits, without a timeout, for the extension's next event ({@code GET /extension/event/next}); for an extension
	 * registered for no events it returns only when the connection ends.
	 * @param identifier the identifier {@link #register} returned
	 * @return the event, as Lambda's JSON
	 * @throws RuntimeApiException when Lambda refuses, for example after a reset forgot the extension
	 * @throws IOException when the connection fails or the client was closed
	 */
	public String next(String identifier) throws IOException {
		HttpRequest request = new HttpRequest("GET", NEXT,
				new String[] { RuntimeApiHeaders.EXTENSION_IDENTIFIER, identifier }, null, null);
		HttpResponse response = this.connection.exchange(request);
		if (response.status() != 200) {
			throw RuntimeApiClient.failure(request, response);
		}
		return new String(response.body(), StandardCharsets.UTF_8);
	}

	/**
	 * Tells Lambda the extension stops ({@code POST /extension/exit/error}), so that Lambda no longer waits for it
	 * in {@code /event/next}; no later call succeeds.
	 * @param identifier the identifier {@link #register} returned
	 * @param error what went wrong; its type must start with {@code Extension.}
	 * @throws RuntimeApiException when Lambda refuses, with its status and answer
	 * @throws IOException when the connection fails or the client was closed
	 */
	public void exitError(String identifier, ErrorReport error) throws IOException {
		HttpRequest request = HttpRequest.post(EXIT_ERROR, error.toJson(), RuntimeApiHeaders.EXTENSION_IDENTIFIER,
				identifier, RuntimeApiHeaders.EXTENSION_ERROR_TYPE, error.errorType(), RuntimeApiHeaders.CONTENT_TYPE,
				ContentTypes.JSON);
		HttpResponse response = this.connection.exchange(request);
		if (response.status() != 202) {
			throw RuntimeApiClient.failure(request, response);
		}
	}

	/**
	 * Closes the connection; a thread blocked in {@link #next} gets an {@link IOException}.
	 */
	@Override
	public void close() {
		this.connection.close();
	}

}
