package dev.lambdaruntime.emulator.http;

import java.io.IOException;

import org.jspecify.annotations.Nullable;

/**
 * Answers one request.
 */
@FunctionalInterface
public interface HttpHandler {

	/**
	 * Handles one exchange.
	 * @param exchange the request
	 * @return the response, or {@code null} to close the connection without one
	 * @throws IOException on a read failure or a framing error
	 */
	@Nullable HttpResponse handle(HttpExchange exchange) throws IOException;

}
