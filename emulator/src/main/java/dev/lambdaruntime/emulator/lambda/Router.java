package dev.lambdaruntime.emulator.lambda;

import java.io.IOException;
import java.util.Map;

import dev.lambdaruntime.emulator.http.HttpExchange;
import dev.lambdaruntime.emulator.http.HttpHandler;
import dev.lambdaruntime.emulator.http.HttpResponse;
import org.jspecify.annotations.Nullable;

/**
 * Sends each request to the API whose path prefix it starts with (the Runtime API, the Invoke API); anything else is
 * 404.
 */
final class Router implements HttpHandler {

	private final Map<String, HttpHandler> apis;

	/**
	 * A router over APIs with disjoint prefixes.
	 * @param apis each API by its path prefix, for example {@code /2018-06-01/}
	 */
	Router(Map<String, HttpHandler> apis) {
		this.apis = Map.copyOf(apis);
	}

	@Override
	public @Nullable HttpResponse handle(HttpExchange exchange) throws IOException {
		String path = exchange.head().path();
		for (Map.Entry<String, HttpHandler> api : this.apis.entrySet()) {
			if (path.startsWith(api.getKey())) {
				return api.getValue().handle(exchange);
			}
		}
		return ApiErrors.notFound(path);
	}

}
