package dev.lambdaruntime.sample;

import dev.lambdaruntime.emulator.AutoConfigureLambdaEmulator;
import dev.lambdaruntime.emulator.InvokeResult;
import dev.lambdaruntime.emulator.LambdaEmulator;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code requestInfo} end to end: the function reads Lambda's {@code Context} from the message.
 */
@SpringBootTest(properties = "spring.cloud.function.definition=requestInfo")
@AutoConfigureLambdaEmulator(timeout = "20s")
class RequestInfoFunctionTests {

	@Autowired
	private LambdaEmulator emulator;

	@Test
	void seesTheRequestIdAndTheTimeLeft() {
		InvokeResult result = this.emulator.invoke("\"anything\"");
		assertThat(result.functionError()).isNull();
		String answer = result.payloadAsString();
		assertThat(answer).startsWith("\"" + result.requestId() + " has ").endsWith(" ms left\"");
		long left = Long.parseLong(answer.replaceAll(".* has (\\d+) ms left\"", "$1"));
		assertThat(left).isBetween(1L, 20_000L);
	}

}
