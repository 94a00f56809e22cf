package dev.lambdaruntime.benchmarks.floor;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The floor: a Lambda runtime loop with no framework, one keep-alive socket per worker, its own minimal HTTP/1.1 and
 * hand-written JSON for {@code greet} ({@code {"name":"x"}} to {@code {"greeting":"Hello, X"}}) and {@code slow}
 * ({@code {"ms":n}} to {@code {"slept":n}}). {@code _HANDLER} picks the function, {@code AWS_LAMBDA_MAX_CONCURRENCY}
 * the number of workers. It trusts the server (the benchmark's own) and is not a runtime to copy.
 */
public final class RawLoop implements Runnable {

	private static final byte[] NEXT = ascii("GET /2018-06-01/runtime/invocation/next HTTP/1.1\r\nHost: runtime\r\n\r\n");

	private static final byte[] HEADER_END = { '\r', '\n', '\r', '\n' };

	private final String host;

	private final int port;

	private final boolean slow;

	private RawLoop(String host, int port, boolean slow) {
		this.host = host;
		this.port = port;
		this.slow = slow;
	}

	public static void main(String[] args) throws InterruptedException {
		String api = System.getenv("AWS_LAMBDA_RUNTIME_API");
		String handler = System.getenv("_HANDLER");
		String concurrency = System.getenv("AWS_LAMBDA_MAX_CONCURRENCY");
		int colon = api.lastIndexOf(':');
		RawLoop loop = new RawLoop(api.substring(0, colon), Integer.parseInt(api.substring(colon + 1)),
				"slow".equals(handler));
		int workers = (concurrency != null) ? Integer.parseInt(concurrency) : 1;
		Thread[] threads = new Thread[workers];
		for (int i = 0; i < workers; i++) {
			threads[i] = new Thread(loop, "worker-" + i);
			threads[i].start();
		}
		for (Thread thread : threads) {
			thread.join();
		}
	}

	@Override
	public void run() {
		try (Socket socket = new Socket()) {
			socket.setTcpNoDelay(true);
			socket.connect(new InetSocketAddress(this.host, this.port));
			InputStream in = new BufferedInputStream(socket.getInputStream(), 8192);
			OutputStream out = socket.getOutputStream();
			ByteArrayOutputStream request = new ByteArrayOutputStream(512);
			byte[] head = new byte[8192];
			while (true) {
				out.write(NEXT);
				int headLength = readHead(in, head);
				String requestId = header(head, headLength, "lambda-runtime-aws-request-id");
				byte[] event = in.readNBytes(Integer.parseInt(header(head, headLength, "content-length")));
				byte[] body = this.slow ? slow(event) : greet(event);
				request.reset();
				request.write(ascii("POST /2018-06-01/runtime/invocation/" + requestId + "/response HTTP/1.1\r\n"
						+ "Host: runtime\r\nContent-Type: application/json\r\nContent-Length: " + body.length
						+ "\r\n\r\n"));
				request.write(body);
				request.writeTo(out);
				headLength = readHead(in, head);
				in.skipNBytes(Integer.parseInt(header(head, headLength, "content-length")));
			}
		}
		catch (IOException | RuntimeException ex) {
			ex.printStackTrace();
			System.exit(1);
		}
	}

	private static byte[] greet(byte[] event) {
		String name = stringValue(new String(event, StandardCharsets.UTF_8), "\"name\"");
		return ("{\"greeting\":\"" + escape("Hello, " + name.toUpperCase(Locale.ROOT)) + "\"}")
			.getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] slow(byte[] event) {
		String json = new String(event, StandardCharsets.UTF_8);
		int at = json.indexOf(':', json.indexOf("\"ms\"")) + 1;
		int end = at;
		while (end < json.length() && (Character.isDigit(json.charAt(end)) || json.charAt(end) == ' ')) {
			end++;
		}
		long ms = Long.parseLong(json.substring(at, end).trim());
		try {
			Thread.sleep(ms);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return ("{\"slept\":" + ms + "}").getBytes(StandardCharsets.US_ASCII);
	}

	private static String stringValue(String json, String key) {
		int at = json.indexOf('"', json.indexOf(':', json.indexOf(key)) + 1) + 1;
		StringBuilder value = new StringBuilder();
		for (char c = json.charAt(at); c != '"'; c = json.charAt(++at)) {
			if (c == '\\') {
				c = json.charAt(++at);
				c = switch (c) {
					case 'n' -> '\n';
					case 't' -> '\t';
					case 'r' -> '\r';
					case 'b' -> '\b';
					case 'f' -> '\f';
					case 'u' -> {
						at += 4;
						yield (char) Integer.parseInt(json.substring(at - 3, at + 1), 16);
					}
					default -> c;
				};
			}
			value.append(c);
		}
		return value.toString();
	}

	private static String escape(String text) {
		StringBuilder escaped = new StringBuilder(text.length() + 8);
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '"' || c == '\\') {
				escaped.append('\\').append(c);
			}
			else if (c < 0x20) {
				escaped.append(String.format("\\u%04x", (int) c));
			}
			else {
				escaped.append(c);
			}
		}
		return escaped.toString();
	}

	private static int readHead(InputStream in, byte[] head) throws IOException {
		int length = 0;
		int matched = 0;
		while (matched < HEADER_END.length) {
			int b = in.read();
			if (b < 0) {
				throw new EOFException("Runtime API closed the connection");
			}
			head[length++] = (byte) b;
			matched = (b == HEADER_END[matched]) ? matched + 1 : ((b == '\r') ? 1 : 0);
		}
		return length;
	}

	private static String header(byte[] head, int length, String name) {
		String text = new String(head, 0, length, StandardCharsets.ISO_8859_1);
		int lineStart = text.indexOf("\r\n") + 2;
		while (lineStart < length) {
			int lineEnd = text.indexOf("\r\n", lineStart);
			int colon = text.indexOf(':', lineStart);
			if (colon > 0 && colon < lineEnd && text.substring(lineStart, colon).equalsIgnoreCase(name)) {
				return text.substring(colon + 1, lineEnd).trim();
			}
			lineStart = lineEnd + 2;
		}
		throw new IllegalStateException("No " + name + " header in " + text);
	}

	private static byte[] ascii(String text) {
		return text.getBytes(StandardCharsets.US_ASCII);
	}

}
