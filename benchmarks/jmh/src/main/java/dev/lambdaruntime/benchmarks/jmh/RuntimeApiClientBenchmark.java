package dev.lambdaruntime.benchmarks.jmh;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.concurrent.TimeUnit;

import dev.lambdaruntime.api.Invocation;
import dev.lambdaruntime.api.ResponseOutcome;
import dev.lambdaruntime.api.RuntimeApiClient;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One invocation's round trips through {@link RuntimeApiClient} ({@code GET /next}, parse the headers,
 * {@code POST /response}) against a canned loopback server, beside the same bytes over a bare socket: the difference
 * is what the client costs.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RuntimeApiClientBenchmark {

	private static final byte[] GREETING = CannedRuntimeApi.ascii("{\"greeting\":\"Hello, LAMBDA\"}");

	private static final byte[] RAW_NEXT = CannedRuntimeApi
		.ascii("GET /2018-06-01/runtime/invocation/next HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");

	private static final byte[] RAW_RESPONSE = CannedRuntimeApi.ascii("POST /2018-06-01/runtime/invocation/"
			+ CannedRuntimeApi.REQUEST_ID + "/response HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
			+ "Content-Length: " + GREETING.length + "\r\n\r\n" + new String(GREETING));

	private CannedRuntimeApi server;

	private RuntimeApiClient client;

	private Socket socket;

	private InputStream rawIn;

	private OutputStream rawOut;

	private final byte[] sink = new byte[1024];

	@Setup(Level.Trial)
	public void start() throws IOException {
		this.server = new CannedRuntimeApi();
		this.client = new RuntimeApiClient(this.server.endpoint());
		this.socket = new Socket();
		this.socket.setTcpNoDelay(true);
		this.socket.connect(new InetSocketAddress("127.0.0.1", this.server.port()));
		this.rawIn = this.socket.getInputStream();
		this.rawOut = this.socket.getOutputStream();
	}

	@TearDown(Level.Trial)
	public void stop() throws IOException {
		this.client.close();
		this.socket.close();
		this.server.close();
	}

	/**
	 * {@code next()} then {@code respond()}: header parsing, the invocation record, the response request.
	 * @return the outcome
	 * @throws IOException on a failure
	 */
	@Benchmark
	public ResponseOutcome nextAndRespond() throws IOException {
		Invocation invocation = this.client.next();
		return this.client.respond(invocation, GREETING, "application/json");
	}

	/**
	 * The same two exchanges as bytes over a bare socket, reading exactly the canned lengths: the loopback's share.
	 * @return the last byte read
	 * @throws IOException on a failure
	 */
	@Benchmark
	public int rawSocketBaseline() throws IOException {
		this.rawOut.write(RAW_NEXT);
		readExactly(CannedRuntimeApi.NEXT_RESPONSE.length);
		this.rawOut.write(RAW_RESPONSE);
		readExactly(CannedRuntimeApi.ACCEPTED.length);
		return this.sink[0];
	}

	private void readExactly(int length) throws IOException {
		int done = 0;
		while (done < length) {
			int n = this.rawIn.read(this.sink, 0, Math.min(this.sink.length, length - done));
			if (n < 0) {
				throw new IOException("closed");
			}
			done += n;
		}
	}

}
