package dev.lambdaruntime.sample;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import dev.lambdaruntime.emulator.AutoConfigureLambdaEmulator;
import dev.lambdaruntime.emulator.InvokeResult;
import dev.lambdaruntime.emulator.LambdaEmulator;
import dev.lambdaruntime.metrics.CapturedMetrics;
import dev.lambdaruntime.metrics.EmfDocument;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The order desk's business metrics end to end: {@code orders} behind API Gateway, invoked concurrently through the
 * emulator, each invocation's EMF documents counted and checked against EMF's specification, with one worker and with
 * four serving at once.
 */
class OrderMetricsTests {

	private static final String ORDERS = "spring.cloud.function.definition=orders";

	private static final String FUNCTION_NAME = "AWS_LAMBDA_FUNCTION_NAME=orders-api";

	@Nested
	@SpringBootTest(properties = { ORDERS, FUNCTION_NAME })
	@AutoConfigureLambdaEmulator
	@Import(CaptureMetrics.class)
	class OneWorker extends CountsEachOrder {

	}

	@Nested
	@SpringBootTest(properties = { ORDERS, FUNCTION_NAME, "lambda.runtime.workers=4" })
	@AutoConfigureLambdaEmulator(concurrency = 4)
	@Import(CaptureMetrics.class)
	class FourWorkers extends CountsEachOrder {

	}

	abstract static class CountsEachOrder {

		@Autowired
		private LambdaEmulator emulator;

		@Autowired
		private CapturedMetrics metrics;

		@Test
		void countsEachOrderInTheDocumentOfTheInvocationThatPlacedIt() throws Exception {
			Map<String, Integer> quantities = new HashMap<>();
			List<CompletableFuture<InvokeResult>> results = new ArrayList<>();
			ExecutorService callers = Executors.newFixedThreadPool(4);
			try {
				for (int quantity = 0; quantity <= 12; quantity++) {
					String event = Events.load("post-orders.json")
						.replace("\\\"quantity\\\":2", "\\\"quantity\\\":" + quantity);
					results.add(CompletableFuture.supplyAsync(() -> this.emulator.invoke(event), callers));
				}
				for (int quantity = 0; quantity <= 12; quantity++) {
					quantities.put(results.get(quantity).get(60, TimeUnit.SECONDS).requestId(), quantity);
				}
			}
			finally {
				callers.shutdownNow();
			}
			List<EmfDocument> documents = this.metrics.documents();
			assertThat(EmfDocument.sum(documents, "ColdStart")).isEqualTo(1);
			assertThat(EmfDocument.sum(documents, "orders.placed")).isEqualTo(12);
			assertThat(EmfDocument.sum(documents, "orders.quantity")).isEqualTo(12 * 13 / 2);
			assertThat(documents).filteredOn((document) -> document.units().containsKey("orders.placed"))
				.hasSize(12)
				.allSatisfy((document) -> {
					assertThat(document.namespace()).isEqualTo("sample-app");
					assertThat(document.member("function_name")).isEqualTo("orders-api");
					assertThat(document.values("orders.placed")).containsExactly(1.0);
					// Each invocation's own quantity: nothing of another invocation mixed in.
					assertThat(document.values("orders.quantity"))
						.containsExactly((double) quantities.get(document.requestId()));
				});
			assertThat(documents).filteredOn((document) -> document.units().containsKey("orders.rejected"))
				.singleElement()
				.satisfies((document) -> {
					assertThat(document.dimensions()).containsExactly("function_name", "reason");
					assertThat(document.member("reason")).isEqualTo("quantity-below-1");
					assertThat(quantities.get(document.requestId())).isZero();
				});
		}

	}

	@TestConfiguration(proxyBeanMethods = false)
	static class CaptureMetrics {

		@Bean
		CapturedMetrics capturedMetrics() {
			return new CapturedMetrics();
		}

	}

}
