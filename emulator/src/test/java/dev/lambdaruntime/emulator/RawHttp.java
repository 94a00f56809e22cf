package dev.lambdaruntime.emulator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * Sends hand-written bytes over a socket and reads one response, for what the JDK client cannot send: malformed
 * requests and chunked bodies with trailers.
 */
public final class RawHttp {

	private RawHttp() {
	}

	public static Response exchange(LambdaEmulator emulator, String request) {
		return exchange(emulator, request.getBytes(StandardCharsets.ISO_8859_1));
	}

	public static Response exchange(LambdaEmulator emulator, byte[] request) {
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), emulator.port())) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(request);
			out.flush();
			return read(socket.getInputStream());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static Response read(InputStream in) throws IOException {
		String statusLine = line(in);
		Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		for (String line = line(in); !line.isEmpty(); line = line(in)) {
			int colon = line.indexOf(':');
			headers.put(line.substring(0, colon), line.substring(colon + 1).strip());
		}
		int length = Integer.parseInt(headers.getOrDefault("Content-Length", "0"));
		String body = new String(in.readNBytes(length), StandardCharsets.UTF_8);
		return new Response(Integer.parseInt(statusLine.split(" ")[1]), headers, body);
	}

	public static String chunked(String path, Map<String, String> headers, String trailers, String... chunks) {
		StringBuilder request = new StringBuilder("POST " + path + " HTTP/1.1\r\nHost: localhost\r\n");
		request.append("Transfer-Encoding: chunked\r\n");
		headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
		request.append("\r\n");
		for (String chunk : chunks) {
			byte[] bytes = chunk.getBytes(StandardCharsets.UTF_8);
			request.append(Integer.toHexString(bytes.length)).append("\r\n").append(chunk).append("\r\n");
		}
		return request.append("0\r\n").append(trailers).append("\r\n").toString();
	}

	private static String line(InputStream in) throws IOException {
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		int b;
		while ((b = in.read()) != '\n') {
			if (b == -1) {
				throw new IOException("Connection closed before a full response");
			}
			if (b != '\r') {
				line.write(b);
			}
		}
		return line.toString(StandardCharsets.UTF_8);
	}

	public record Response(int status, Map<String, String> headers, String body) {

	}

}
