package dev.lambdaruntime.benchmarks.jmh;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A loopback Runtime API that gives the same canned answers to every request: a full {@code /next} response to a
 * GET, {@code 202} to a POST. It does no bookkeeping, so what a benchmark sees is the client plus the loopback.
 */
final class CannedRuntimeApi implements Closeable {

	static final String REQUEST_ID = "8f3ac1d2-0b7e-4c1a-9d5e-000000000001";

	static final byte[] EVENT = ascii("{\"name\":\"lambda\"}");

	static final byte[] NEXT_RESPONSE = ascii("HTTP/1.1 200 OK\r\n" + "Content-Type: application/json\r\n"
			+ "Lambda-Runtime-Aws-Request-Id: " + REQUEST_ID + "\r\n" + "Lambda-Runtime-Deadline-Ms: 4102444800000\r\n"
			+ "Lambda-Runtime-Invoked-Function-Arn: arn:aws:lambda:us-east-1:123456789012:function:benchmark\r\n"
			+ "Lambda-Runtime-Trace-Id: Root=1-67891233-abcdef012345678912345678;Parent=53995c3f42cd8ad8;Sampled=0\r\n"
			+ "Date: Thu, 01 Jan 2026 00:00:00 GMT\r\n" + "Content-Length: " + EVENT.length + "\r\n\r\n"
			+ new String(EVENT, StandardCharsets.US_ASCII));

	static final byte[] ACCEPTED = ascii(
			"HTTP/1.1 202 Accepted\r\nContent-Type: application/json\r\nContent-Length: 15\r\n\r\n{\"status\":\"OK\"}");

	private final ServerSocket serverSocket;

	CannedRuntimeApi() throws IOException {
		this.serverSocket = new ServerSocket(0, 16, InetAddress.getLoopbackAddress());
		Thread acceptor = new Thread(this::accept, "canned-runtime-api");
		acceptor.setDaemon(true);
		acceptor.start();
	}

	String endpoint() {
		return "127.0.0.1:" + this.serverSocket.getLocalPort();
	}

	int port() {
		return this.serverSocket.getLocalPort();
	}

	@Override
	public void close() throws IOException {
		this.serverSocket.close();
	}

	private void accept() {
		try {
			while (true) {
				Socket socket = this.serverSocket.accept();
				Thread connection = new Thread(() -> serve(socket), "canned-runtime-api-connection");
				connection.setDaemon(true);
				connection.start();
			}
		}
		catch (IOException ex) {
			// closed
		}
	}

	private static void serve(Socket socket) {
		try (socket) {
			socket.setTcpNoDelay(true);
			InputStream in = new BufferedInputStream(socket.getInputStream());
			OutputStream out = socket.getOutputStream();
			StringBuilder head = new StringBuilder();
			while (true) {
				head.setLength(0);
				int b;
				while ((b = in.read()) >= 0) {
					head.append((char) b);
					int n = head.length();
					if (n >= 4 && head.charAt(n - 1) == '\n' && head.charAt(n - 2) == '\r' && head.charAt(n - 3) == '\n'
							&& head.charAt(n - 4) == '\r') {
						break;
					}
				}
				if (b < 0) {
					return;
				}
				String text = head.toString();
				in.skipNBytes(contentLength(text));
				out.write(text.startsWith("GET") ? NEXT_RESPONSE : ACCEPTED);
			}
		}
		catch (IOException ex) {
			// client went away
		}
	}

	private static long contentLength(String head) {
		int at = head.toLowerCase(Locale.ROOT).indexOf("\r\ncontent-length:");
		if (at < 0) {
			return 0;
		}
		int end = head.indexOf('\r', at + 2);
		return Long.parseLong(head.substring(at + "\r\ncontent-length:".length(), end).trim());
	}

	static byte[] ascii(String text) {
		return text.getBytes(StandardCharsets.US_ASCII);
	}

}
