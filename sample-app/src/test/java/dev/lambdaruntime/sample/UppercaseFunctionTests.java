package dev.lambdaruntime.sample;

import dev.lambdaruntime.emulator.AutoConfigureLambdaEmulator;
import dev.lambdaruntime.emulator.LambdaEmulator;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code uppercase} end to end.
 */
@SpringBootTest(properties = "spring.cloud.function.definition=uppercase")
@AutoConfigureLambdaEmulator
class UppercaseFunctionTests {

	@Autowired
	private LambdaEmulator emulator;

	@Test
	void upperCasesAJsonString() {
		assertThat(this.emulator.invoke("\"hello lambda\"").payloadAsString()).isEqualTo("\"HELLO LAMBDA\"");
	}

}
