package dev.lambdaruntime.emulator;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Invoke API over real HTTP, as the AWS CLI and SDKs call it.
 */
class InvokeApiTests {

	private final LambdaEmulator emulator = LambdaEmulator.create().start();

	private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	@AfterEach
	void close() {
		this.emulator.close();
	}

	@Test
	void requestResponseReturnsThePayload() throws Exception {
		EchoRuntime.start(this.emulator);
		HttpResponse<String> response = send(invoke("function").POST(BodyPublishers.ofString("{\"a\":1}")));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("echo:{\"a\":1}");
		assertThat(response.headers().firstValue("X-Amz-Executed-Version")).hasValue("$LATEST");
		assertThat(response.headers().firstValue("X-Amz-Request-Id")).isPresent();
		assertThat(response.headers().firstValue("X-Amz-Function-Error")).isEmpty();
		assertThat(response.headers().firstValue("X-Amz-Log-Result")).isEmpty();
	}

	@Test
	void functionErrorIs200WithUnhandled() throws Exception {
		EchoRuntime.start(this.emulator);
		HttpResponse<String> response = send(invoke("function").POST(BodyPublishers.ofString("fail")));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("X-Amz-Function-Error")).hasValue("Unhandled");
		assertThat(TestJson.parse(response.body())).containsEntry("errorType", "java.lang.IllegalArgumentException");
	}

	@Test
	void tailReturnsTheInvocationsLogLines() throws Exception {
		EchoRuntime.start(this.emulator);
		HttpResponse<String> response = send(
				invoke("function").header("X-Amz-Log-Type", "Tail").POST(BodyPublishers.ofString("{}")));
		String requestId = response.headers().firstValue("X-Amz-Request-Id").orElseThrow();
		String log = new String(
				Base64.getDecoder().decode(response.headers().firstValue("X-Amz-Log-Result").orElseThrow()),
				StandardCharsets.UTF_8);
		assertThat(log).startsWith("START RequestId: " + requestId + " Version: $LATEST\n")
			.contains("END RequestId: " + requestId + "\n")
			.containsPattern("REPORT RequestId: " + requestId + "\tDuration: \\d+\\.\\d\\d ms\tBilled Duration: \\d+ ms"
					+ "\tMemory Size: 512 MB\n");
	}

	@Test
	void eventIsQueuedAndAnswered202() throws Exception {
		HttpResponse<String> response = send(invoke("function").header("X-Amz-Invocation-Type", "Event")
			.POST(BodyPublishers.ofString("{\"async\":true}")));
		assertThat(response.statusCode()).isEqualTo(202);
		assertThat(response.body()).isEmpty();
		HttpResponse<String> next = new TestRuntime(this.emulator).next();
		assertThat(next.body()).isEqualTo("{\"async\":true}");
	}

	@Test
	void dryRunIs204AndRunsNothing() throws Exception {
		HttpResponse<String> response = send(invoke("function").header("X-Amz-Invocation-Type", "DryRun")
			.POST(BodyPublishers.ofString("{\"dry\":1}")));
		assertThat(response.statusCode()).isEqualTo(204);
		this.emulator.invoke(InvokeRequest.of("{\"queued\":1}").withInvocationType(InvokeRequest.EVENT));
		// Nothing was queued by the dry run: the runtime's first event is the one after it.
		assertThat(new TestRuntime(this.emulator).next().body()).isEqualTo("{\"queued\":1}");
	}

	@Test
	void clientContextIsDecodedForTheRuntime() throws Exception {
		String context = "{\"client\":{\"app_title\":\"test\"},\n \"custom\":{}}";
		String encoded = Base64.getEncoder().encodeToString(context.getBytes(StandardCharsets.UTF_8));
		Thread caller = new Thread(() -> send(invoke("function").header("X-Amz-Client-Context", encoded)
			.header("X-Amz-Tenant-Id", "blue")
			.POST(BodyPublishers.ofString("{}"))));
		caller.start();
		HttpResponse<String> next = new TestRuntime(this.emulator).next();
		assertThat(next.headers().firstValue("Lambda-Runtime-Client-Context"))
			.hasValue("{\"client\":{\"app_title\":\"test\"},  \"custom\":{}}");
		assertThat(next.headers().firstValue("Lambda-Runtime-Aws-Tenant-Id")).hasValue("blue");
	}

	@Test
	void badClientContextIs400() throws Exception {
		HttpResponse<String> response = send(
				invoke("function").header("X-Amz-Client-Context", "%%%").POST(BodyPublishers.ofString("{}")));
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("InvalidParameterValueException");
	}

	@Test
	void badInvocationTypeIs400() throws Exception {
		HttpResponse<String> response = send(
				invoke("function").header("X-Amz-Invocation-Type", "Later").POST(BodyPublishers.ofString("{}")));
		assertThat(response.statusCode()).isEqualTo(400);
	}

	@Test
	void otherFunctionIs404ButArnsOfThisOneWork() throws Exception {
		HttpResponse<String> response = send(invoke("other").POST(BodyPublishers.ofString("{}")));
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("ResourceNotFoundException");
		EchoRuntime.start(this.emulator);
		assertThat(send(invoke("arn%3Aaws%3Alambda%3Aus-east-1%3A000000000000%3Afunction%3Afunction")
			.POST(BodyPublishers.ofString("1"))).body()).isEqualTo("echo:1");
		assertThat(send(invoke("function:$LATEST").POST(BodyPublishers.ofString("2"))).body()).isEqualTo("echo:2");
		assertThat(send(invoke("function:7").POST(BodyPublishers.ofString("3"))).statusCode()).isEqualTo(404);
	}

	@Test
	void requestOverSixMegabytesIs413() throws Exception {
		HttpResponse<String> response = send(
				invoke("function").POST(BodyPublishers.ofByteArray(new byte[6 * 1024 * 1024 + 1])));
		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("RequestTooLargeException");
	}

	@Test
	void defaultJdkClientOfferingAnHttp2UpgradeGetsHttp11() throws Exception {
		EchoRuntime.start(this.emulator);
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(invoke("function").POST(BodyPublishers.ofString("{}")).build(), BodyHandlers.ofString());
		assertThat(response.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
		assertThat(response.body()).isEqualTo("echo:{}");
	}

	@Test
	void getIsNotAnInvoke() throws Exception {
		assertThat(send(invoke("function").GET()).statusCode()).isEqualTo(405);
	}

	private HttpRequest.Builder invoke(String name) {
		return HttpRequest
			.newBuilder(URI.create("http://" + this.emulator.runtimeApi() + "/2015-03-31/functions/" + name
					+ "/invocations"))
			.timeout(Duration.ofSeconds(10));
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return this.client.send(request.build(), BodyHandlers.ofString());
		}
		catch (IOException | InterruptedException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
