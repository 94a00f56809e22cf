package dev.lambdaruntime.emulator.http;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The request line and headers of one HTTP/1.1 request.
 *
 * @param method the request method
 * @param target the request target as sent, path and query
 * @param version {@code HTTP/1.1} or {@code HTTP/1.0}
 * @param headers the headers, case-insensitive
 */
public record HttpHead(String method, String target, String version, Map<String, String> headers) {

	public String path() {
		int query = this.target.indexOf('?');
		return (query >= 0) ? this.target.substring(0, query) : this.target;
	}

	public String query() {
		int query = this.target.indexOf('?');
		return (query >= 0) ? this.target.substring(query + 1) : "";
	}

	public @Nullable String header(String name) {
		return this.headers.get(name);
	}

	boolean keepAlive() {
		String connection = this.headers.getOrDefault("Connection", "");
		if ("HTTP/1.0".equals(this.version)) {
			return connection.equalsIgnoreCase("keep-alive");
		}
		return !connection.equalsIgnoreCase("close");
	}

	boolean chunked() {
		return this.headers.containsKey("Transfer-Encoding");
	}

	boolean expectsContinue() {
		return "100-continue".equalsIgnoreCase(this.headers.get("Expect"));
	}

}
