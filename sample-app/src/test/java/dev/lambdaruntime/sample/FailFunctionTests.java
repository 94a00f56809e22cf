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
 * {@code fail} end to end: the caller gets Lambda's error shape and the runtime serves the next event.
 */
@SpringBootTest(properties = "spring.cloud.function.definition=fail")
@AutoConfigureLambdaEmulator
class FailFunctionTests {

	@Autowired
	private LambdaEmulator emulator;

	@Test
	void reportsTheExceptionInLambdasErrorShape() {
		InvokeResult result = this.emulator.invoke("\"anything\"");
		assertThat(result.functionError()).isEqualTo("Unhandled");
		JsonContent error = new JsonContent(result.payloadAsString());
		assertThat(error).extractingPath("$.errorMessage").isEqualTo("boom");
		assertThat(error).extractingPath("$.errorType").isEqualTo("java.lang.IllegalStateException");
		assertThat(error).extractingPath("$.stackTrace[0]")
			.asString()
			.startsWith("dev.lambdaruntime.sample.SampleApplication");
	}

	@Test
	void goesOnServingAfterAFailure() {
		this.emulator.invoke("\"one\"");
		assertThat(this.emulator.invoke("\"two\"").functionError()).isEqualTo("Unhandled");
		assertThat(this.emulator.runtimeRequests())
			.filteredOn((request) -> request.path().endsWith("/error"))
			.allSatisfy((request) -> assertThat(request.header("Lambda-Runtime-Function-Error-Type"))
				.isEqualTo("java.lang.IllegalStateException"));
	}

}
