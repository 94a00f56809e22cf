package dev.lambdaruntime.emulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;



/**
 * A runtime written for the tests on the JDK's HTTP client, speaking the Runtime API to an emulator.
 */
public final class TestRuntime {

	private final HttpClient client = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final String base;

	public TestRuntime(LambdaEmulator emulator) {
		this(emulator.runtimeApi());
	}

	public TestRuntime(String runtimeApi) {
		this.base = "http://" + runtimeApi + "/2018-06-01";
	}

	public HttpResponse<String> next() {
		return send(HttpRequest.newBuilder(uri("/runtime/invocation/next")).GET().build());
	}

	public CompletableFuture<HttpResponse<String>> nextAsync() {
		return this.client.sendAsync(HttpRequest.newBuilder(uri("/runtime/invocation/next")).GET().build(),
				BodyHandlers.ofString());
	}

	public static String requestId(HttpResponse<?> next) {
		return next.headers().firstValue("Lambda-Runtime-Aws-Request-Id").orElseThrow();
	}

	public HttpResponse<String> respond(String requestId, String body) {
		return post("/runtime/invocation/" + requestId + "/response", body.getBytes(StandardCharsets.UTF_8));
	}

	public HttpResponse<String> fail(String requestId, String errorType, String body) {
		return send(HttpRequest.newBuilder(uri("/runtime/invocation/" + requestId + "/error"))
			.header("Lambda-Runtime-Function-Error-Type", errorType)
			.POST(BodyPublishers.ofString(body))
			.build());
	}

	public HttpResponse<String> post(String path, byte[] body, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).POST(BodyPublishers.ofByteArray(body));
		if (headers.length > 0) {
			request.headers(headers);
		}
		return send(request.build());
	}

	public HttpResponse<String> get(String path) {
		return send(HttpRequest.newBuilder(uri(path)).GET().build());
	}

	private URI uri(String path) {
		return URI.create(this.base + path);
	}

	private HttpResponse<String> send(HttpRequest request) {
		return send(this.client, request);
	}

	static HttpResponse<String> send(HttpClient client, HttpRequest request) {
		try {
			return client.send(request, BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
