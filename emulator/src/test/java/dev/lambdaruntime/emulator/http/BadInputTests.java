package dev.lambdaruntime.emulator.http;

import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import dev.lambdaruntime.emulator.LambdaEmulator;
import dev.lambdaruntime.emulator.RawHttp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Malformed requests get 400 and unknown paths 404, at once.
 */
class BadInputTests {

	private final LambdaEmulator emulator = LambdaEmulator.create().start();

	@AfterEach
	void close() {
		this.emulator.close();
	}

	@Test
	void unknownPathsAre404() {
		assertThat(RawHttp.exchange(this.emulator, "GET /nope HTTP/1.1\r\nHost: x\r\n\r\n").status()).isEqualTo(404);
		assertThat(RawHttp.exchange(this.emulator, "GET /2018-06-01/runtime/other HTTP/1.1\r\n\r\n").status())
			.isEqualTo(404);
		assertThat(RawHttp.exchange(this.emulator, "POST /2018-06-01/runtime/invocation/id/other HTTP/1.1\r\n"
				+ "Content-Length: 0\r\n\r\n").status()).isEqualTo(404);
	}

	@Test
	void wrongMethodIs405() {
		RawHttp.Response response = RawHttp.exchange(this.emulator,
				"POST /2018-06-01/runtime/invocation/next HTTP/1.1\r\nContent-Length: 0\r\n\r\n");
		assertThat(response.status()).isEqualTo(405);
	}

	@Test
	void malformedRequestLineIs400() {
		assertThat(RawHttp.exchange(this.emulator, "GARBAGE\r\n\r\n").status()).isEqualTo(400);
		assertThat(RawHttp.exchange(this.emulator, "GET /x HTTP/2.0\r\n\r\n").status()).isEqualTo(400);
		assertThat(RawHttp.exchange(this.emulator, "GET nopath HTTP/1.1\r\n\r\n").status()).isEqualTo(400);
	}

	@Test
	void malformedHeadersAre400() {
		assertThat(RawHttp.exchange(this.emulator, "GET /x HTTP/1.1\nHost: x\n\n").status()).isEqualTo(400);
		assertThat(RawHttp.exchange(this.emulator, "GET /x HTTP/1.1\r\nNo colon\r\n\r\n").status()).isEqualTo(400);
		assertThat(RawHttp.exchange(this.emulator, "GET /x HTTP/1.1\r\n Folded: x\r\n\r\n").status()).isEqualTo(400);
		String longLine = "X: " + "a".repeat(HttpMessageReader.MAX_LINE + 1);
		assertThat(RawHttp.exchange(this.emulator, "GET /x HTTP/1.1\r\n" + longLine + "\r\n\r\n").status())
			.isEqualTo(400);
	}

	@Test
	void headersAreBoundedInCountAndSize() {
		StringBuilder hundred = new StringBuilder("GET /2018-06-01/runtime/restore/next HTTP/1.1\r\n");
		for (int i = 0; i < HttpMessageReader.MAX_HEADERS; i++) {
			hundred.append("X-").append(i).append(": v\r\n");
		}
		assertThat(RawHttp.exchange(this.emulator, hundred + "\r\n").status()).isEqualTo(403);
		assertThat(RawHttp.exchange(this.emulator, hundred + "X-One-More: v\r\n\r\n").body())
			.contains("Too many header fields");
		String big = "X-Big: " + "b".repeat(60_000) + "\r\n";
		assertThat(RawHttp.exchange(this.emulator, "GET /x HTTP/1.1\r\n" + big + big + "\r\n").body())
			.contains("Request head too long");
	}

	@Test
	void badFramingIs400() {
		assertThat(RawHttp.exchange(this.emulator, "POST /x HTTP/1.1\r\nContent-Length: 1x\r\n\r\n").status())
			.isEqualTo(400);
		assertThat(RawHttp.exchange(this.emulator,
				"POST /x HTTP/1.1\r\nContent-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n").status())
			.isEqualTo(400);
		assertThat(RawHttp.exchange(this.emulator, "POST /x HTTP/1.1\r\nTransfer-Encoding: gzip\r\n\r\n").status())
			.isEqualTo(400);
		assertThat(RawHttp.exchange(this.emulator, "POST /2018-06-01/runtime/init/error HTTP/1.1\r\n"
				+ "Transfer-Encoding: chunked\r\n\r\nzz\r\n").status()).isEqualTo(400);
	}

	@Test
	void connectionStaysUsableAfterA404() throws Exception {
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), this.emulator.port())) {
			socket.setSoTimeout(5000);
			socket.getOutputStream()
				.write(("POST /a HTTP/1.1\r\nContent-Length: 3\r\n\r\nabc"
						+ "GET /2018-06-01/runtime/restore/next HTTP/1.1\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
			assertThat(RawHttp.read(socket.getInputStream()).status()).isEqualTo(404);
			assertThat(RawHttp.read(socket.getInputStream()).status()).isEqualTo(403);
		}
	}

}
