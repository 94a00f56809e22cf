package dev.lambdaruntime.autoconfigure;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import com.sun.net.httpserver.HttpServer;
import dev.lambdaruntime.emulator.LambdaEmulator;
import dev.lambdaruntime.function.LambdaHeaders;
import dev.lambdaruntime.loop.ExitHandler;
import dev.lambdaruntime.loop.RecordingExitHandler;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.utils.internal.SystemSettingUtilsTestBackdoor;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.cloud.function.context.config.ContextFunctionCatalogAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real AWS SDK v2, called from a function the runtime loop serves, sends the invocation's X-Ray trace header
 * ({@code X-Amzn-Trace-Id}): through the system property with one worker, through the SDK's per-thread value with
 * several, each invocation its own.
 */
class XRayTraceHeaderTests {

	private static final String TRACE_PROPERTY = "com.amazonaws.xray.traceHeader";

	private LambdaEmulator emulator;

	private HttpServer awsService;

	private ApplicationContextRunner contextRunner;

	@BeforeAll
	static void runAsALambdaFunction() {
		// The SDK adds the header only where AWS_LAMBDA_FUNCTION_NAME is set in the process environment; its own test
		// hook stands in for the variable, so the test needs no forked JVM.
		SystemSettingUtilsTestBackdoor.addEnvironmentVariableOverride("AWS_LAMBDA_FUNCTION_NAME", "traced");
	}

	@AfterAll
	static void clearEnvironmentOverride() {
		SystemSettingUtilsTestBackdoor.clearEnvironmentVariableOverrides();
	}

	@BeforeEach
	void start() throws IOException {
		// A stand-in AWS service that answers each call with the trace header it was sent.
		this.awsService = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.awsService.createContext("/", (exchange) -> {
			String trace = exchange.getRequestHeaders().getFirst("X-Amzn-Trace-Id");
			byte[] body = String.valueOf(trace).getBytes(StandardCharsets.UTF_8);
			exchange.getRequestBody().readAllBytes();
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		this.awsService.setExecutor(null);
		this.awsService.start();
		System.clearProperty(TRACE_PROPERTY);
	}

	@AfterEach
	void stop() {
		if (this.emulator != null) {
			this.emulator.close();
		}
		this.awsService.stop(0);
		System.clearProperty(TRACE_PROPERTY);
	}

	@Test
	void sendsTheInvocationsTraceHeaderWithOneWorker() {
		this.emulator = LambdaEmulator.builder().timeout(Duration.ofSeconds(20)).build().start();
		contextRunner().run((context) -> {
			for (int i = 0; i < 2; i++) {
				String[] givenAndSent = givenAndSent(this.emulator.invoke("1").payloadAsString());
				assertThat(givenAndSent[0]).startsWith("Root=1-");
				assertThat(givenAndSent[1]).isEqualTo(givenAndSent[0]);
			}
		});
	}

	@Test
	void sendsEachConcurrentInvocationsOwnTraceHeaderWithSeveralWorkers() throws Exception {
		this.emulator = LambdaEmulator.builder().timeout(Duration.ofSeconds(20)).concurrency(4).build().start();
		contextRunner().withPropertyValues("lambda.runtime.workers=4").run((context) -> {
			List<CompletableFuture<String>> results = new ArrayList<>();
			for (int i = 0; i < 8; i++) {
				results.add(CompletableFuture.supplyAsync(() -> this.emulator.invoke("4").payloadAsString()));
			}
			Set<String> traces = new HashSet<>();
			for (CompletableFuture<String> result : results) {
				String[] givenAndSent = givenAndSent(result.get(30, TimeUnit.SECONDS));
				assertThat(givenAndSent[1]).isEqualTo(givenAndSent[0]);
				traces.add(givenAndSent[0]);
			}
			assertThat(traces).hasSize(8);
			// Concurrent invocations never share the one global value.
			assertThat(System.getProperty(TRACE_PROPERTY)).isNull();
		});
	}

	private ApplicationContextRunner contextRunner() {
		LambdaClient lambda = LambdaClient.builder()
			.endpointOverride(URI.create("http://127.0.0.1:" + this.awsService.getAddress().getPort()))
			.region(Region.US_EAST_1)
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secret")))
			.httpClient(UrlConnectionHttpClient.create())
			.build();
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(ContextFunctionCatalogAutoConfiguration.class,
					LambdaRuntimeAutoConfiguration.class))
			.withUserConfiguration(TracedFunctionConfiguration.class)
			.withBean(LambdaClient.class, () -> lambda)
			.withPropertyValues("lambda.runtime.api=" + this.emulator.runtimeApi(),
					"spring.cloud.function.definition=callAws");
	}

	private static String[] givenAndSent(String payload) {
		String text = payload.substring(1, payload.length() - 1);
		return text.split(" sent ", 2);
	}

	@Configuration(proxyBeanMethods = false)
	static class TracedFunctionConfiguration {

		/** Four invocations meet here, so they are all in flight at once. */
		private final CyclicBarrier together = new CyclicBarrier(4);

		@Bean
		Function<Message<String>, String> callAws(LambdaClient lambda) {
			return (message) -> {
				// The payload says how many invocations meet before calling AWS.
				if (message.getPayload().equals("4")) {
					meet();
				}
				String given = (String) message.getHeaders().get(LambdaHeaders.TRACE_ID);
				String sent = lambda.invoke((request) -> request.functionName("downstream")).payload().asUtf8String();
				return given + " sent " + sent;
			};
		}

		@Bean
		ExitHandler recordingExitHandler() {
			return new RecordingExitHandler();
		}

		private void meet() {
			try {
				this.together.await(20, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			catch (BrokenBarrierException | TimeoutException ex) {
				throw new IllegalStateException("Four invocations were never in flight at once", ex);
			}
		}

	}

}
