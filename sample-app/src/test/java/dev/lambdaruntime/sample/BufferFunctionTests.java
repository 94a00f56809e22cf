package dev.lambdaruntime.sample;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import dev.lambdaruntime.emulator.AutoConfigureLambdaEmulator;
import dev.lambdaruntime.emulator.LambdaEmulator;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code buffer} end to end, in-process: chunks written as it goes, and the rest when the emulator's shutdown phase
 * closes the context, as Lambda's SIGTERM does.
 */
@SpringBootTest(properties = { "spring.cloud.function.definition=buffer", "sample.buffer.chunk-size=10" })
@AutoConfigureLambdaEmulator
class BufferFunctionTests {

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
	void writesChunksAsItGoesAndTheRestAtShutdown() {
		List<String> sent = IntStream.rangeClosed(1, 25).mapToObj((i) -> "frame-" + i).toList();
		for (String id : sent) {
			assertThat(this.emulator.invoke("{\"id\":\"" + id + "\",\"data\":\"pixels\"}").functionError()).isNull();
		}
		assertThat(this.emulator.invoke("{\"id\":\"frame-26\",\"data\":\"pixels\"}").payloadAsString())
			.isEqualTo("{\"pending\":6,\"written\":20}");
		assertThat(SinkFiles.ids(sink)).hasSize(20);
		assertThat(this.emulator.shutdown()).as("the runtime registered its internal extension").isTrue();
		await("the context's close").atMost(Duration.ofSeconds(10)).until(() -> !this.context.isActive());
		assertThat(SinkFiles.ids(sink)).hasSize(26).containsAll(sent).contains("frame-26");
		assertThat(SinkFiles.chunks(sink)).isEqualTo(3);
	}

}
