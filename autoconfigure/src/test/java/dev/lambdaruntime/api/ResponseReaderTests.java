package dev.lambdaruntime.api;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

/**
 * Tests for {@link ResponseReader}.
 */
class ResponseReaderTests {

	@Test
	void readsStatusHeadersAndContentLengthBody() throws IOException {
		HttpResponse response = read("HTTP/1.1 200 OK", "Content-Type: application/json",
				"X-Padded:  \t value with spaces \t ", "Content-Length: 7", "", "{\"a\":1}");
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.headers().get("content-type")).isEqualTo("application/json");
		assertThat(response.headers().get("X-PADDED")).isEqualTo("value with spaces");
		assertThat(response.headers().get("Missing")).isNull();
		assertThat(text(response)).isEqualTo("{\"a\":1}");
		assertThat(response.keepAlive()).isTrue();
	}

	@Test
	void readsStatusLineWithoutReason() throws IOException {
		assertThat(read("HTTP/1.1 202", "Content-Length: 0", "", "").status()).isEqualTo(202);
	}

	@Test
	void readsHeaderValuesAsUtf8() throws IOException {
		HttpResponse response = read("HTTP/1.1 200 OK", "X-Name: Zo\u00eb \u2603", "Content-Length: 0", "", "");
		assertThat(response.headers().get("X-Name")).isEqualTo("Zo\u00eb \u2603");
	}

	@Test
	void readsChunkedBodyIgnoringExtensionsAndTrailers() throws IOException {
		HttpResponse response = read("HTTP/1.1 200 OK", "Transfer-Encoding: Chunked", "", "4;a=b;c", "Wiki",
				"5 ;x=\"y\"", "pedia", "E", " in\r\n\r\nchunks.", "0;last", "Expires: never", "X-Trailer: t", "", "");
		assertThat(text(response)).isEqualTo("Wikipedia in\r\n\r\nchunks.");
		assertThat(response.headers().get("X-Trailer")).isNull();
	}

	@Test
	void readsEmptyChunkedBody() throws IOException {
		assertThat(read("HTTP/1.1 200 OK", "Transfer-Encoding: chunked", "", "0", "", "").body()).isEmpty();
	}

	@Test
	void readsChunksLargerThanTheBuffer() throws IOException {
		String big = "x".repeat(40_000);
		HttpResponse response = read("HTTP/1.1 200 OK", "Transfer-Encoding: chunked", "",
				Integer.toHexString(big.length()), big, "1", "y", "0", "", "");
		assertThat(text(response)).isEqualTo(big + "y");
	}

	@Test
	void readsTwoResponsesInARow() throws IOException {
		ResponseReader reader = reader(lines("HTTP/1.1 200 OK", "Content-Length: 1", "", "a")
				+ lines("HTTP/1.1 202 Accepted", "Transfer-Encoding: chunked", "", "1", "b", "0", "",
						""));
		assertThat(text(reader.read())).isEqualTo("a");
		HttpResponse second = reader.read();
		assertThat(second.status()).isEqualTo(202);
		assertThat(text(second)).isEqualTo("b");
		assertThat(reader.hasBufferedBytes()).isFalse();
	}

	@Test
	void readsResponseDeliveredOneByteAtATime() throws IOException {
		byte[] raw = lines("HTTP/1.1 200 OK", "Transfer-Encoding: chunked", "X-A: b", "", "3", "abc", "0", "", "")
			.getBytes(StandardCharsets.UTF_8);
		InputStream trickle = new ByteArrayInputStream(raw) {

			@Override
			public synchronized int read(byte[] b, int off, int len) {
				return super.read(b, off, Math.min(len, 1));
			}

		};
		HttpResponse response = new ResponseReader(trickle).read();
		assertThat(text(response)).isEqualTo("abc");
		assertThat(response.headers().get("X-A")).isEqualTo("b");
	}

	@Test
	void skipsInterimResponses() throws IOException {
		HttpResponse response = read("HTTP/1.1 100 Continue", "", "HTTP/1.1 202 Accepted", "Content-Length: 2", "",
				"ok");
		assertThat(response.status()).isEqualTo(202);
		assertThat(text(response)).isEqualTo("ok");
	}

	@Test
	void noBodyFor204() throws IOException {
		ResponseReader reader = reader(lines("HTTP/1.1 204 No Content", "", "HTTP/1.1 200 OK",
				"Content-Length: 1", "", "z"));
		assertThat(reader.read().body()).isEmpty();
		assertThat(text(reader.read())).isEqualTo("z");
	}

	@Test
	void bodyWithoutLengthRunsToEndAndClosesConnection() throws IOException {
		HttpResponse response = read("HTTP/1.1 200 OK", "", "until the end");
		assertThat(text(response)).isEqualTo("until the end");
		assertThat(response.keepAlive()).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "close", "Close", "keep-alive, close" })
	void connectionCloseEndsKeepAlive(String connection) throws IOException {
		assertThat(read("HTTP/1.1 200 OK", "Connection: " + connection, "Content-Length: 0", "", "").keepAlive())
			.isFalse();
	}

	@Test
	void http10KeepsAliveOnlyWhenAsked() throws IOException {
		assertThat(read("HTTP/1.0 200 OK", "Content-Length: 0", "", "").keepAlive()).isFalse();
		assertThat(read("HTTP/1.0 200 OK", "Connection: keep-alive", "Content-Length: 0", "", "").keepAlive())
			.isTrue();
	}

	@Test
	void acceptsRepeatedEqualContentLength() throws IOException {
		assertThat(text(read("HTTP/1.1 200 OK", "Content-Length: 2", "Content-Length: 2", "", "ab"))).isEqualTo("ab");
	}

	@ParameterizedTest
	@ValueSource(strings = { "HTTP/1.1 OK", "HTTP/1.1 2000 OK", "HTTP/2 200 OK", "HTTX/1.1 200 OK", "HTTP/1.1  200 OK",
			"HTTP/1.1 20x OK", "HTTP/1.1 200OK", "HTTP/1.1 099 Low", "HTTP/1.1 600 High", "", "HTTP/1.1 200 O\u0001K" })
	void rejectsMalformedStatusLine(String statusLine) {
		assertThatIOException().isThrownBy(() -> read(statusLine, "Content-Length: 0", "", ""))
			.withMessageContaining("malformed status line");
	}

	@Test
	void rejectsHeaderWithoutColon() {
		assertThatIOException().isThrownBy(() -> read("HTTP/1.1 200 OK", "NoColonHere", "", ""))
			.withMessageContaining("header line without a colon 'NoColonHere'");
	}

	@Test
	void rejectsHeaderWithoutName() {
		assertThatIOException().isThrownBy(() -> read("HTTP/1.1 200 OK", ": value", "", ""))
			.withMessageContaining("header line without a name");
	}

	@ParameterizedTest
	@ValueSource(strings = { "Bad Name: x", "Bad-Name : x", "B(ad): x", "Caf\u00e9: x" })
	void rejectsInvalidHeaderName(String line) {
		assertThatIOException().isThrownBy(() -> read("HTTP/1.1 200 OK", line, "", ""))
			.withMessageContaining("invalid character in header name");
	}

	@Test
	void rejectsControlCharacterInHeaderValue() {
		assertThatIOException().isThrownBy(() -> read("HTTP/1.1 200 OK", "X-A: a\u0000b", "", ""))
			.withMessageContaining("control character in header value 'X-A: a\\x00b'");
	}

	@Test
	void rejectsBareCarriageReturnInHeaderValue() {
		assertThatIOException().isThrownBy(() -> read("HTTP/1.1 200 OK", "X-A: a\rX-B: b", "", ""))
			.withMessageContaining("control character in header value");
	}

	@Test
	void rejectsObsoleteLineFolding() {
		assertThatIOException()
			.isThrownBy(() -> read("HTTP/1.1 200 OK", "X-A: one", " continued", "Content-Length: 0", "", ""))
			.withMessageContaining("obsolete line folding");
	}

	@Test
	void rejectsLinesEndingInBareLineFeed() {
		assertThatIOException().isThrownBy(() -> reader("HTTP/1.1 200 OK\nContent-Length: 0\n\n").read())
			.withMessageContaining("status line does not end with CRLF");
	}

	@Test
	void rejectsOverlongHeaderLine() {
		assertThatIOException()
			.isThrownBy(() -> read("HTTP/1.1 200 OK", "X-Long: " + "a".repeat(20_000), "Content-Length: 0", "", ""))
			.withMessageContaining("header line is longer than 16384 bytes");
	}

	@Test
	void acceptsHeadersJustUnderTheLimit() throws IOException {
		HttpResponse response = read(headers(60, 1000, "Content-Length: 0", "", ""));
		assertThat(response.headers().size()).isEqualTo(61);
	}

	@Test
	void rejectsHeadersOverTheLimit() {
		assertThatIOException().isThrownBy(() -> read(headers(70, 1000, "Content-Length: 0", "", "")))
			.withMessageContaining("response headers are larger than 65536 bytes");
	}

	@Test
	void rejectsTrailersOverTheLimit() {
		String[] lines = headers(70, 1000, "", "");
		lines[0] = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n0";
		assertThatIOException().isThrownBy(() -> read(lines))
			.withMessageContaining("response trailers are larger than 65536 bytes");
	}

	@Test
	void rejectsContentLengthOverTheBodyLimit() {
		assertThatIOException().isThrownBy(() -> read("HTTP/1.1 200 OK", "Content-Length: 33554433", "", ""))
			.withMessageContaining("response body of 33554433 bytes is over the limit of 33554432 bytes");
	}

	@Test
	void rejectsChunkedBodyOverTheBodyLimit() {
		assertThatIOException()
			.isThrownBy(() -> read("HTTP/1.1 200 OK", "Transfer-Encoding: chunked", "", "2000001", "x"))
			.withMessageContaining("response body is over the limit of 33554432 bytes");
	}

	@Test
	void rejectsEndlessBodyOverTheBodyLimit() {
		byte[] head = lines("HTTP/1.1 200 OK", "", "").getBytes(StandardCharsets.UTF_8);
		InputStream endless = new SequenceInputStream(new ByteArrayInputStream(head), new InputStream() {

			@Override
			public int read() {
				return 'x';
			}

			@Override
			public int read(byte[] b, int off, int len) {
				Arrays.fill(b, off, off + len, (byte) 'x');
				return len;
			}

		});
		assertThatIOException().isThrownBy(() -> new ResponseReader(endless).read())
			.withMessageContaining("response body is over the limit");
	}

	@ParameterizedTest
	@ValueSource(strings = { "-1", "1.0", "", "0x10", "1 2", "1,1" })
	void rejectsMalformedContentLength(String length) {
		assertThatIOException().isThrownBy(() -> read("HTTP/1.1 200 OK", "Content-Length: " + length, "", "x"))
			.withMessageContaining("malformed Content-Length");
	}

	@Test
	void rejectsConflictingContentLengths() {
		assertThatIOException().isThrownBy(() -> read("HTTP/1.1 200 OK", "Content-Length: 1", "Content-Length: 2", "",
				"ab")).withMessageContaining("conflicting Content-Length");
	}

	@Test
	void rejectsTransferEncodingWithContentLength() {
		assertThatIOException()
			.isThrownBy(() -> read("HTTP/1.1 200 OK", "Transfer-Encoding: chunked", "Content-Length: 1", "", "0", "",
					""))
			.withMessageContaining("both Transfer-Encoding and Content-Length");
	}

	@Test
	void rejectsUnsupportedTransferEncoding() {
		assertThatIOException().isThrownBy(() -> read("HTTP/1.1 200 OK", "Transfer-Encoding: gzip, chunked", "", ""))
			.withMessageContaining("unsupported Transfer-Encoding 'gzip, chunked'");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "g", ";ext", "1 x", "123456789", "fffffffff" })
	void rejectsMalformedChunkSize(String sizeLine) {
		assertThatIOException()
			.isThrownBy(() -> read("HTTP/1.1 200 OK", "Transfer-Encoding: chunked", "", sizeLine, "x", "0", "", ""))
			.withMessageContaining("chunk size");
	}

	@Test
	void rejectsChunkLongerThanDeclared() {
		assertThatIOException()
			.isThrownBy(() -> read("HTTP/1.1 200 OK", "Transfer-Encoding: chunked", "", "2", "abc", "0", "", ""))
			.withMessageContaining("chunk data longer than its declared size of 2 bytes");
	}

	@Test
	void rejectsTruncatedBody() {
		assertThatIOException().isThrownBy(() -> read("HTTP/1.1 200 OK", "Content-Length: 5", "", "abc"))
			.isInstanceOf(EOFException.class)
			.withMessageContaining("3 of 5 body bytes");
	}

	@Test
	void reportsEndOfStreamBeforeAnyByte() throws IOException {
		ResponseReader reader = reader(lines("HTTP/1.1 200 OK", "Content-Length: 0", "", ""));
		reader.read();
		long received = reader.bytesReceived();
		assertThatIOException().isThrownBy(reader::read).withMessage("connection closed before a response");
		assertThat(reader.bytesReceived()).isEqualTo(received);
	}

	@Test
	void reportsEndOfStreamInsideHeaders() {
		assertThatIOException().isThrownBy(() -> reader("HTTP/1.1 200 OK\r\nX-A: b").read())
			.withMessage("connection closed in the middle of a response");
	}

	@Test
	void rejectsSwitchingProtocols() {
		assertThatIOException().isThrownBy(() -> read("HTTP/1.1 101 Switching Protocols", "Upgrade: h2c", "", ""))
			.withMessageContaining("101");
	}

	private static String[] headers(int count, int length, String... tail) {
		List<String> lines = new ArrayList<>();
		lines.add("HTTP/1.1 200 OK");
		String filler = "X-Filler: " + "f".repeat(length - 12);
		lines.addAll(Collections.nCopies(count, filler));
		lines.addAll(List.of(tail));
		return lines.toArray(String[]::new);
	}

	private static HttpResponse read(String... lines) throws IOException {
		return reader(lines(lines)).read();
	}

	private static ResponseReader reader(String raw) {
		return new ResponseReader(new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8)));
	}

	private static String text(HttpResponse response) {
		return new String(response.body(), StandardCharsets.UTF_8);
	}

	/**
	 * Joins lines with CRLF, as is: the last one gets no CRLF.
	 */
	private static String lines(String... lines) {
		return String.join("\r\n", lines);
	}

}
