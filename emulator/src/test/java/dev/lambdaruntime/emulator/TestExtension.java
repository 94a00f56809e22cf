package dev.lambdaruntime.emulator;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.concurrent.CompletableFuture;

/**
 * An extension written for the tests on the JDK's HTTP client, speaking the Extensions API to an emulator.
 */
public final class TestExtension {

	private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private final String base;

	public TestExtension(LambdaEmulator emulator) {
		this.base = "http://" + emulator.runtimeApi() + "/2020-01-01/extension";
	}

	public HttpResponse<String> register(String name, String body, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + "/register"))
			.POST(BodyPublishers.ofString(body));
		if (name != null) {
			request.header("Lambda-Extension-Name", name);
		}
		if (headers.length > 0) {
			request.headers(headers);
		}
		return send(request.build());
	}

	public String registerId(String name, String events) {
		HttpResponse<String> registered = register(name, "{\"events\":" + events + "}");
		if (registered.statusCode() != 200) {
			throw new IllegalStateException("Not registered: " + registered.body());
		}
		return registered.headers().firstValue("Lambda-Extension-Identifier").orElseThrow();
	}

	public CompletableFuture<HttpResponse<String>> next(String id) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + "/event/next")).GET();
		if (id != null) {
			request.header("Lambda-Extension-Identifier", id);
		}
		return this.client.sendAsync(request.build(), BodyHandlers.ofString());
	}

	public HttpResponse<String> error(String path, String id, String errorType) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path))
			.POST(BodyPublishers.ofString("{\"errorMessage\":\"broke\",\"errorType\":\"Broke\"}"))
			.header("Lambda-Extension-Identifier", id);
		if (errorType != null) {
			request.header("Lambda-Extension-Function-Error-Type", errorType);
		}
		return send(request.build());
	}

	private HttpResponse<String> send(HttpRequest request) {
		return TestRuntime.send(this.client, request);
	}

}
