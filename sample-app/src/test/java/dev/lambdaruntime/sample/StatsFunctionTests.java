package dev.lambdaruntime.sample;

import dev.lambdaruntime.emulator.AutoConfigureLambdaEmulator;
import dev.lambdaruntime.emulator.LambdaEmulator;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.json.JsonContent;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code stats} end to end: state kept in the warm context from one invocation to the next.
 */
@SpringBootTest(properties = "spring.cloud.function.definition=stats")
@AutoConfigureLambdaEmulator
class StatsFunctionTests {

	@Autowired
	private LambdaEmulator emulator;

	@Test
	void keepsCountAndMeanAcrossInvocations() {
		assertThat(new JsonContent(this.emulator.invoke("{\"sensor\":\"warm\",\"value\":2.0}").payloadAsString()))
			.isStrictlyEqualTo("{\"sensor\":\"warm\",\"count\":1,\"mean\":2.0}");
		assertThat(new JsonContent(this.emulator.invoke("{\"sensor\":\"warm\",\"value\":4.0}").payloadAsString()))
			.isStrictlyEqualTo("{\"sensor\":\"warm\",\"count\":2,\"mean\":3.0}");
		assertThat(new JsonContent(this.emulator.invoke("{\"sensor\":\"other\",\"value\":10.0}").payloadAsString()))
			.isStrictlyEqualTo("{\"sensor\":\"other\",\"count\":1,\"mean\":10.0}");
		assertThat(new JsonContent(this.emulator.invoke("{\"sensor\":\"warm\",\"value\":9.0}").payloadAsString()))
			.isStrictlyEqualTo("{\"sensor\":\"warm\",\"count\":3,\"mean\":5.0}");
	}

}
