package dev.lambdaruntime.emulator;

import java.io.IOException;

import org.jspecify.annotations.Nullable;

/**
 * Sends each request to the Runtime API or the Invoke API by its path; anything else is 404.
 */
final class Router implements HttpHandler {

	private final HttpHandler runtimeApi;

	private final HttpHandler invokeApi;

	Router(HttpHandler runtimeApi, HttpHandler invokeApi) {
		this.runtimeApi = runtimeApi;
		this.invokeApi = invokeApi;
	}

	@Override
	public @Nullable HttpResponse handle(HttpExchange exchange) throws IOException {
		String path = exchange.head().path();
		if (path.startsWith(RuntimeApi.PREFIX + "/")) {
			return this.runtimeApi.handle(exchange);
		}
		if (path.startsWith(InvokeApi.PREFIX)) {
			return this.invokeApi.handle(exchange);
		}
		return ApiErrors.notFound(path);
	}

}
