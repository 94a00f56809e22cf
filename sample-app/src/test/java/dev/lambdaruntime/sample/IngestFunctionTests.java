package dev.lambdaruntime.sample;

import dev.lambdaruntime.emulator.AutoConfigureLambdaEmulator;
import dev.lambdaruntime.emulator.InvokeResult;
import dev.lambdaruntime.emulator.LambdaEmulator;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.json.JsonContent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * {@code ingest} end to end behind an SQS queue: valid orders are taken, the others reported as batch item failures.
 */
@SpringBootTest(properties = "spring.cloud.function.definition=ingest")
@AutoConfigureLambdaEmulator
class IngestFunctionTests {

	@Autowired
	private LambdaEmulator emulator;

	@Autowired
	private OrderDesk desk;

	@Test
	void reportsTheRecordsThatAreNotValidOrders() {
		int before = this.desk.receipts().size();
		InvokeResult result = this.emulator.invoke(Events.load("sqs-orders.json"));
		assertThat(result.functionError()).isNull();
		assertThat(new JsonContent(result.payloadAsString())).isStrictlyEqualTo("{\"batchItemFailures\":["
				+ "{\"itemIdentifier\":\"8c6b6c3f-2d4e-4f60-9bac-1d2e3f4a5b6c\"},"
				+ "{\"itemIdentifier\":\"9d7c7d40-3e5f-4071-acbd-2e3f4a5b6c7d\"}]}");
		assertThat(this.desk.receipts().subList(before, this.desk.receipts().size()))
			.extracting(Receipt::item, Receipt::quantity)
			.containsExactly(tuple("book", 2), tuple("ink", 5));
	}

}
