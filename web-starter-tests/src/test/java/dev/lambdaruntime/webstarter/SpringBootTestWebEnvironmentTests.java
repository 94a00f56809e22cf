package dev.lambdaruntime.webstarter;

import dev.lambdaruntime.emulator.AutoConfigureLambdaEmulator;
import dev.lambdaruntime.emulator.LambdaEmulator;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A test that asks for a running server keeps it beside the emulator's loop: {@code @AutoConfigureLambdaEmulator}
 * gives the context the Runtime API's address after the environment is prepared, so the test's own web environment
 * stands.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureLambdaEmulator
class SpringBootTestWebEnvironmentTests {

	@Autowired
	private ApplicationContext context;

	@Autowired
	private LambdaEmulator emulator;

	@Test
	void keepsTheServerTheTestAsksFor() {
		assertThat(this.context).isInstanceOf(WebServerApplicationContext.class);
		assertThat(((WebServerApplicationContext) this.context).getWebServer().getPort()).isPositive();
		assertThat(this.emulator.invoke("\"lambda\"").payloadAsString()).isEqualTo("\"LAMBDA\"");
	}

}
