package dev.lambdaruntime.emulator.http;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One HTTP/1.1 response, always framed with {@code Content-Length}.
 */
public final class HttpResponse {

	private final int status;

	private final Map<String, String> headers = new LinkedHashMap<>();

	private final byte[] body;

	private boolean close;

	private @Nullable WireFault fault;

	public HttpResponse(int status, byte[] body) {
		this.status = status;
		this.body = body;
	}

	public static HttpResponse json(int status, String json) {
		return new HttpResponse(status, json.getBytes(StandardCharsets.UTF_8)).header("Content-Type",
				"application/json");
	}

	public static HttpResponse empty(int status) {
		return new HttpResponse(status, new byte[0]);
	}

	public HttpResponse header(String name, String value) {
		this.headers.put(name, value);
		return this;
	}

	/**
	 * Has the server send this response badly, for fault injection.
	 * @param fault how to send it
	 * @return this response
	 */
	public HttpResponse sentWith(WireFault fault) {
		this.fault = fault;
		return this;
	}

	@Nullable WireFault fault() {
		return this.fault;
	}

	HttpResponse closeConnection() {
		this.close = true;
		return this;
	}

	boolean closesConnection() {
		return this.close;
	}

	void writeTo(OutputStream out, boolean keepAlive) throws IOException {
		out.write(head(keepAlive, "Content-Length: " + this.body.length + "\r\n"));
		out.write(this.body);
		out.flush();
	}

	/**
	 * The status line, the headers with {@code Connection: close} when the connection will not be kept, the given
	 * framing lines and the empty line that ends the head.
	 */
	byte[] head(boolean keepAlive, String framing) {
		StringBuilder text = new StringBuilder(statusLine());
		this.headers.forEach((name, value) -> text.append(name).append(": ").append(value).append("\r\n"));
		text.append(framing);
		if (!keepAlive || this.close) {
			text.append("Connection: close\r\n");
		}
		return text.append("\r\n").toString().getBytes(StandardCharsets.UTF_8);
	}

	String statusLine() {
		return "HTTP/1.1 " + this.status + " " + reason(this.status) + "\r\n";
	}

	byte[] body() {
		return this.body;
	}

	static String reason(int status) {
		return switch (status) {
			case 100 -> "Continue";
			case 200 -> "OK";
			case 202 -> "Accepted";
			case 204 -> "No Content";
			case 400 -> "Bad Request";
			case 403 -> "Forbidden";
			case 404 -> "Not Found";
			case 405 -> "Method Not Allowed";
			case 410 -> "Gone";
			case 413 -> "Payload Too Large";
			case 429 -> "Too Many Requests";
			case 500 -> "Internal Server Error";
			case 502 -> "Bad Gateway";
			case 503 -> "Service Unavailable";
			case 504 -> "Gateway Timeout";
			default -> "Status";
		};
	}

}
