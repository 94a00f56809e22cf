package dev.lambdaruntime.sample;

import java.nio.file.Path;

import dev.lambdaruntime.emulator.AutoConfigureLambdaEmulator;
import dev.lambdaruntime.emulator.LambdaEmulator;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code buffer} with graceful shutdown off: no extension registers, so the shutdown phase is SIGKILL alone and what
 * was buffered never reaches the sink. What {@link BufferFunctionTests} keeps is the feature's doing.
 */
@SpringBootTest(properties = { "spring.cloud.function.definition=buffer", "sample.buffer.chunk-size=10",
		"lambda.runtime.shutdown.enabled=false" })
@AutoConfigureLambdaEmulator
@DirtiesContext
class BufferWithoutShutdownTests {

	private static final Path sink = SinkFiles.newDirectory();

	@Autowired
	private LambdaEmulator emulator;

	@Autowired
	private ConfigurableApplicationContext context;

	@DynamicPropertySource
	static void sink(DynamicPropertyRegistry registry) {
		registry.add("sample.buffer.directory", sink::toString);
	}

	@Test
	void losesTheTailAtShutdown() {
		for (int i = 1; i <= 25; i++) {
			this.emulator.invoke("{\"id\":\"frame-" + i + "\",\"data\":\"pixels\"}");
		}
		assertThat(this.emulator.extensions()).isEmpty();
		assertThat(this.emulator.shutdown()).as("SIGKILL without SIGTERM").isFalse();
		assertThat(this.context.isActive()).isTrue();
		assertThat(SinkFiles.ids(sink)).hasSize(20);
	}

}
