package dev.lambdaruntime.emulator.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One HTTP/1.1 response, always framed with {@code Content-Length}.
 */
public final class HttpResponse {

	private final int status;

	private final Map<String, String> headers = new LinkedHashMap<>();

	private final byte[] body;

	private boolean close;

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

	HttpResponse closeConnection() {
		this.close = true;
		return this;
	}

	boolean closesConnection() {
		return this.close;
	}

	void writeTo(OutputStream out, boolean keepAlive) throws IOException {
		ByteArrayOutputStream head = new ByteArrayOutputStream();
		StringBuilder text = new StringBuilder();
		text.append("HTTP/1.1 ").append(this.status).append(' ').append(reason(this.status)).append("\r\n");
		this.headers.forEach((name, value) -> text.append(name).append(": ").append(value).append("\r\n"));
		text.append("Content-Length: ").append(this.body.length).append("\r\n");
		if (!keepAlive || this.close) {
			text.append("Connection: close\r\n");
		}
		text.append("\r\n");
		head.write(text.toString().getBytes(StandardCharsets.UTF_8));
		out.write(head.toByteArray());
		out.write(this.body);
		out.flush();
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
			case 500 -> "Internal Server Error";
			default -> "Status";
		};
	}

}
