package dev.lambdaruntime.sample;

import dev.lambdaruntime.emulator.AutoConfigureLambdaEmulator;
import dev.lambdaruntime.emulator.InvokeResult;
import dev.lambdaruntime.emulator.LambdaEmulator;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.json.JsonContent;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code greet} end to end: the real runtime loop serving the emulator's invocations.
 */
@SpringBootTest(properties = "spring.cloud.function.definition=greet")
@AutoConfigureLambdaEmulator
class GreetFunctionTests {

	@Autowired
	private LambdaEmulator emulator;

	@Test
	void greetsByName() {
		InvokeResult result = this.emulator.invoke("{\"name\":\"lambda\"}");
		assertThat(result.functionError()).isNull();
		assertThat(new JsonContent(result.payloadAsString())).isStrictlyEqualTo("{\"greeting\":\"Hello, LAMBDA\"}");
	}

	@Test
	void upperCasesWithTheRootLocale() {
		assertThat(new JsonContent(this.emulator.invoke("{\"name\":\"istanbul\"}").payloadAsString()))
			.isStrictlyEqualTo("{\"greeting\":\"Hello, ISTANBUL\"}");
	}

}
