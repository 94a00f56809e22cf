package dev.lambdaruntime.sample;

import java.util.Map;

import dev.lambdaruntime.emulator.AutoConfigureLambdaEmulator;
import dev.lambdaruntime.emulator.InvokeResult;
import dev.lambdaruntime.emulator.LambdaEmulator;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.json.JsonContent;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code orders} end to end behind API Gateway's HTTP API: the real runtime loop serving the emulator's invocations.
 */
@SpringBootTest(properties = "spring.cloud.function.definition=orders")
@AutoConfigureLambdaEmulator
class OrdersFunctionTests {

	@Autowired
	private LambdaEmulator emulator;

	@Autowired
	private OrderDesk desk;

	@Test
	void acceptsAnOrderWith201AndAReceipt() {
		InvokeResult result = this.emulator.invoke(Events.load("post-orders.json"));
		assertThat(result.functionError()).isNull();
		String id = this.desk.receipts().get(this.desk.receipts().size() - 1).orderId();
		assertThat(new JsonContent(result.payloadAsString())).isStrictlyEqualTo("{\"statusCode\":201,"
				+ "\"headers\":{\"Location\":\"/orders/" + id + "\",\"Content-Type\":\"application/json\"},"
				+ "\"body\":\"{\\\"orderId\\\":\\\"" + id + "\\\",\\\"item\\\":\\\"book\\\",\\\"quantity\\\":2}\","
				+ "\"isBase64Encoded\":false}");
	}

	@Test
	void answers400ForAnInvalidOrder() {
		String event = Events.load("post-orders.json").replace("\\\"quantity\\\":2", "\\\"quantity\\\":0");
		assertThat(new JsonContent(this.emulator.invoke(event).payloadAsString()))
			.isStrictlyEqualTo("{\"statusCode\":400,"
					+ "\"headers\":{\"Content-Type\":\"application/json\"},"
					+ "\"body\":\"{\\\"message\\\":\\\"An order needs a quantity of at least 1\\\"}\","
					+ "\"isBase64Encoded\":false}");
	}

	@Test
	void answers400ForABodyThatIsNotAnOrder() {
		String event = Events.load("post-orders.json")
			.replace("\"body\": \"{\\\"item\\\":\\\"book\\\",\\\"quantity\\\":2}\"", "\"body\": \"[1, 2]\"");
		InvokeResult result = this.emulator.invoke(event);
		assertThat(result.functionError()).isNull();
		JsonContent answer = new JsonContent(result.payloadAsString());
		assertThat(answer).extractingPath("$.statusCode").isEqualTo(400);
		assertThat(answer).extractingPath("$.headers").isEqualTo(Map.of("Content-Type", "application/json"));
		assertThat(answer).extractingPath("$.body")
			.asString()
			.startsWith("{\"message\":\"The body is not a valid Order: ");
	}

}
