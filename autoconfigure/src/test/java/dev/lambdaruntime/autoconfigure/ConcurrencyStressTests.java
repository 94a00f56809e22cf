package dev.lambdaruntime.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import com.amazonaws.services.lambda.runtime.Context;
import dev.lambdaruntime.emulator.InvokeResult;
import dev.lambdaruntime.emulator.LambdaEmulator;
import dev.lambdaruntime.function.LambdaHeaders;
import dev.lambdaruntime.logging.RequestIdMdc;
import dev.lambdaruntime.loop.ExitHandler;
import dev.lambdaruntime.loop.RecordingExitHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.cloud.function.context.config.ContextFunctionCatalogAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 16 workers, unique payloads, random delays and random failures: every caller gets exactly its own answer or its
 * own error, and request ids and trace headers never cross threads. benchmarks/reliability.sh runs it with 100,000
 * invocations and more.
 */
class ConcurrencyStressTests {

	private static final int WORKERS = 16;

	private static final int INVOCATIONS = Integer.getInteger("reliability.stress.invocations", 10_000);

	private final LambdaEmulator emulator = LambdaEmulator.builder()
		.timeout(Duration.ofMinutes(1))
		.concurrency(WORKERS)
		.recordRuntimeRequests(false)
		.build()
		.start();

	@AfterEach
	void close() {
		this.emulator.close();
	}

	@Test
	void everyCallerGetsItsOwnAnswerAndNothingCrossesThreads() throws Exception {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(ContextFunctionCatalogAutoConfiguration.class,
					LambdaRuntimeAutoConfiguration.class))
			.withUserConfiguration(StressFunction.class)
			.withPropertyValues("lambda.runtime.api=" + this.emulator.runtimeApi(), "lambda.runtime.workers=" + WORKERS,
					"spring.cloud.function.definition=stress")
			.run((context) -> {
				List<String> wrong = new CopyOnWriteArrayList<>();
				Set<String> requestIds = ConcurrentHashMap.newKeySet();
				Set<String> traces = ConcurrentHashMap.newKeySet();
				AtomicInteger failures = new AtomicInteger();
				ExecutorService callers = Executors.newFixedThreadPool(WORKERS * 2);
				for (int i = 0; i < INVOCATIONS; i++) {
					String token = "caller-" + i;
					boolean fail = ThreadLocalRandom.current().nextInt(10) == 0;
					int delayMicros = ThreadLocalRandom.current().nextInt(500);
					callers.execute(() -> {
						InvokeResult result = this.emulator.invoke(token + ":" + delayMicros + ":" + fail);
						String problem = check(result, token, fail, requestIds, traces);
						if (problem != null) {
							wrong.add(token + ": " + problem);
						}
						if (fail) {
							failures.incrementAndGet();
						}
					});
				}
				callers.shutdown();
				assertThat(callers.awaitTermination(10, TimeUnit.MINUTES)).as("all callers answered").isTrue();
				assertThat(wrong).as("callers that did not get their own answer").isEmpty();
				assertThat(requestIds).hasSize(INVOCATIONS);
				assertThat(traces).hasSize(INVOCATIONS - failures.get());
				assertThat(failures.get()).isPositive();
				assertThat(((RecordingExitHandler) context.getBean(ExitHandler.class)).statuses()).isEmpty();
			});
	}

	/**
	 * What is wrong with one answer, or {@code null}: the answer names the caller's token, the request id the
	 * emulator gave, and one trace header everywhere the function can read it.
	 */
	private static String check(InvokeResult result, String token, boolean fail, Set<String> requestIds,
			Set<String> traces) {
		String payload = result.payloadAsString();
		if (!requestIds.add(result.requestId())) {
			return "request id " + result.requestId() + " seen twice";
		}
		if (fail) {
			return ("Unhandled".equals(result.functionError()) && payload.contains("\"errorMessage\":\"failed " + token
					+ " in " + result.requestId() + "\"")) ? null : "not its own error: " + payload;
		}
		String[] parts = payload.substring(1, payload.length() - 1).split("\\|", -1);
		if (result.functionError() != null || parts.length != 6 || !parts[0].equals(token)) {
			return "not its own answer: " + payload;
		}
		for (int i = 1; i <= 3; i++) {
			if (!parts[i].equals(result.requestId())) {
				return "request id " + parts[i] + " instead of " + result.requestId() + ": " + payload;
			}
		}
		if (!parts[4].startsWith("Root=1-") || !parts[4].equals(parts[5]) || !traces.add(parts[4])) {
			return "trace header crossed: " + payload;
		}
		return null;
	}

	@Configuration(proxyBeanMethods = false)
	static class StressFunction {

		/**
		 * Answers {@code token|context request id|header request id|MDC request id|header trace|MDC trace} after a
		 * delay, or fails naming the token and request id.
		 */
		@Bean
		Function<Message<String>, String> stress() {
			return (message) -> {
				String[] input = message.getPayload().split(":");
				pause(Integer.parseInt(input[1]));
				Context lambdaContext = (Context) message.getHeaders().get(LambdaHeaders.CONTEXT);
				String requestId = (String) message.getHeaders().get(LambdaHeaders.REQUEST_ID);
				if (Boolean.parseBoolean(input[2])) {
					throw new IllegalStateException("failed " + input[0] + " in " + requestId);
				}
				Map<String, String> mdc = MDC.getCopyOfContextMap();
				return String.join("|", input[0], lambdaContext.getAwsRequestId(), requestId,
						mdc.get(RequestIdMdc.KEY), (String) message.getHeaders().get(LambdaHeaders.TRACE_ID),
						mdc.get("AWS_LAMBDA_X_TraceId"));
			};
		}

		@Bean
		ExitHandler recordingExitHandler() {
			return new RecordingExitHandler();
		}

		private static void pause(int micros) {
			try {
				TimeUnit.MICROSECONDS.sleep(micros);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

	}

}
