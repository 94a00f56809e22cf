package dev.lambdaruntime.autoconfigure;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

import dev.lambdaruntime.emulator.InvokeResult;
import dev.lambdaruntime.emulator.LambdaEmulator;
import dev.lambdaruntime.emulator.LambdaEmulatorTest;
import dev.lambdaruntime.loop.ExitHandler;
import dev.lambdaruntime.loop.RecordingExitHandler;
import net.jqwik.api.Arbitraries;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.cloud.function.context.config.ContextFunctionCatalogAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bytes in, the same bytes out, through the real loop: empty, one byte, Lambda's limits and one over, binary, invalid
 * UTF-8 and NUL bytes; over a limit, the documented error.
 */
@LambdaEmulatorTest
class PayloadIntegrityTests {

	private static final int MIB = 1024 * 1024;

	/** Lambda's synchronous request limit, which the Invoke API enforces. */
	private static final int REQUEST_LIMIT = 6 * MIB;

	/** Lambda's buffered response limit. */
	private static final int RESPONSE_LIMIT = 6 * MIB + 100;

	LambdaEmulator emulator;

	@Test
	void requestsFromEmptyToTheLimitComeBackByteForByte() {
		serving("echo").run((context) -> {
			for (int size : new int[] { 0, 1, 2, 1000, MIB, REQUEST_LIMIT }) {
				byte[] payload = binary(size, size);
				InvokeResult result = invokeOverHttp(payload);
				assertThat(result.functionError()).as("size %d", size).isNull();
				assertThat(result.payload()).as("size %d", size).isEqualTo(payload);
			}
		});
	}

	@Test
	void aRequestOneByteOverTheLimitIsRefusedByTheInvokeApi() throws Exception {
		serving("echo").run((context) -> {
			HttpResponse<String> refused = post(binary(REQUEST_LIMIT + 1, 7));
			assertThat(refused.statusCode()).isEqualTo(413);
			assertThat(refused.headers().firstValue("x-amzn-ErrorType")).hasValue("RequestTooLargeException");
			assertThat(invokeOverHttp(new byte[] { 1 }).payload()).containsExactly(1);
		});
	}

	@Test
	void responsesUpToTheLimitComeBackByteForByteAndOneOverIsLambdasError() {
		serving("sized").run((context) -> {
			for (int size : new int[] { 0, 1, REQUEST_LIMIT, REQUEST_LIMIT + 1, RESPONSE_LIMIT }) {
				InvokeResult result = this.emulator.invoke(Integer.toString(size));
				assertThat(result.functionError()).as("size %d", size).isNull();
				assertThat(result.payload()).as("size %d", size).isEqualTo(binary(size, size));
			}
			InvokeResult tooLarge = this.emulator.invoke(Integer.toString(RESPONSE_LIMIT + 1));
			assertThat(tooLarge.functionError()).isEqualTo("Unhandled");
			assertThat(tooLarge.payloadAsString()).contains("\"errorType\":\"Function.ResponseSizeTooLarge\"")
				.contains("Response payload size (" + (RESPONSE_LIMIT + 1) + " bytes) exceeded maximum allowed "
						+ "payload size (" + RESPONSE_LIMIT + " bytes).");
			assertThat(this.emulator.invoke("1").payload()).isEqualTo(binary(1, 1));
		});
	}

	@Test
	void binaryInvalidUtf8AndNulBytesComeBackByteForByte() {
		List<byte[]> payloads = Arbitraries.bytes().array(byte[].class).ofMaxSize(2048).sampleStream().limit(300)
			.toList();
		List<byte[]> edges = List.of(new byte[] { 0 }, new byte[] { (byte) 0xC3 }, new byte[] { (byte) 0xFF, 0, '[' },
				"[\u0000]".getBytes(StandardCharsets.ISO_8859_1), new byte[] { '[', (byte) 0xC3, ']' },
				"null".getBytes(StandardCharsets.US_ASCII), new byte[] { ' ', '[', 0x7F });
		serving("echo").run((context) -> {
			for (byte[] payload : concat(edges, payloads)) {
				InvokeResult result = this.emulator.invoke(payload);
				assertThat(result.functionError()).as(Arrays.toString(payload)).isNull();
				assertThat(result.payload()).as(Arrays.toString(payload)).isEqualTo(payload);
			}
		});
	}

	private ApplicationContextRunner serving(String function) {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(ContextFunctionCatalogAutoConfiguration.class,
					LambdaRuntimeAutoConfiguration.class))
			.withUserConfiguration(BytesFunctions.class)
			.withPropertyValues("lambda.runtime.api=" + this.emulator.runtimeApi(),
					"spring.cloud.function.definition=" + function);
	}

	private InvokeResult invokeOverHttp(byte[] payload) {
		HttpResponse<byte[]> response;
		try {
			response = HttpClient.newHttpClient()
				.send(request(payload), BodyHandlers.ofByteArray());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
		return new InvokeResult(response.statusCode(), response.body(),
				response.headers().firstValue("X-Amz-Function-Error").orElse(null), null, null, "$LATEST",
				response.headers().firstValue("X-Amz-Request-Id").orElse(""));
	}

	private HttpResponse<String> post(byte[] payload) throws Exception {
		return HttpClient.newHttpClient().send(request(payload), BodyHandlers.ofString());
	}

	private HttpRequest request(byte[] payload) {
		return HttpRequest
			.newBuilder(URI.create("http://" + this.emulator.runtimeApi() + "/2015-03-31/functions/function/invocations"))
			.version(HttpClient.Version.HTTP_1_1)
			.POST(BodyPublishers.ofByteArray(payload))
			.build();
	}

	private static List<byte[]> concat(List<byte[]> first, List<byte[]> second) {
		List<byte[]> all = new ArrayList<>(first);
		all.addAll(second);
		return all;
	}

	static byte[] binary(int size, long seed) {
		byte[] bytes = new byte[size];
		new Random(seed).nextBytes(bytes);
		return bytes;
	}

	@Configuration(proxyBeanMethods = false)
	static class BytesFunctions {

		@Bean
		Function<byte[], byte[]> echo() {
			return (bytes) -> bytes;
		}

		@Bean
		Function<String, byte[]> sized() {
			return (size) -> binary(Integer.parseInt(size), Integer.parseInt(size));
		}

		@Bean
		ExitHandler recordingExitHandler() {
			return new RecordingExitHandler();
		}

	}

}
