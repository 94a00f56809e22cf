package dev.lambdaruntime.sample;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import dev.lambdaruntime.emulator.AutoConfigureLambdaEmulator;
import dev.lambdaruntime.emulator.LambdaEmulator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code buffer} end to end, in-process, with graceful shutdown on and off: chunks are written as it goes, and the
 * rest only when the emulator's shutdown phase closes the context, as Lambda's SIGTERM does. Each context binds a
 * sink directory of its own.
 */
@SpringBootTest(properties = { "spring.cloud.function.definition=buffer", "sample.buffer.chunk-size=10",
		"sample.buffer.directory=${java.io.tmpdir}/buffer-sink-${random.uuid}" })
@AutoConfigureLambdaEmulator
class BufferFunctionTests {

	private static final List<String> SENT = IntStream.rangeClosed(1, 25).mapToObj((i) -> "frame-" + i).toList();

	private static void send(LambdaEmulator emulator, List<String> ids) {
		for (String id : ids) {
			assertThat(emulator.invoke("{\"id\":\"" + id + "\",\"data\":\"pixels\"}").functionError()).isNull();
		}
	}

	@Nested
	class WithGracefulShutdown {

		@Test
		void writesChunksAsItGoesAndTheRestAtShutdown(@Autowired LambdaEmulator emulator,
				@Autowired ConfigurableApplicationContext context, @Autowired BufferProperties buffer) {
			Path sink = buffer.directory();
			send(emulator, SENT);
			assertThat(emulator.invoke("{\"id\":\"frame-26\",\"data\":\"pixels\"}").payloadAsString())
				.isEqualTo("{\"pending\":6,\"written\":20}");
			assertThat(SinkFiles.ids(sink)).hasSize(20);
			assertThat(emulator.shutdown()).as("the runtime registered its internal extension").isTrue();
			await("the context's close").atMost(Duration.ofSeconds(10)).until(() -> !context.isActive());
			assertThat(SinkFiles.ids(sink)).hasSize(26).containsAll(SENT).contains("frame-26");
			assertThat(SinkFiles.chunks(sink)).isEqualTo(3);
		}

	}

	/**
	 * No extension registers, so the shutdown phase is SIGKILL alone and what was buffered never reaches the sink:
	 * what {@link WithGracefulShutdown} keeps is the feature's doing.
	 */
	@Nested
	@TestPropertySource(properties = "lambda.runtime.shutdown.enabled=false")
	@DirtiesContext
	class WithoutGracefulShutdown {

		@Test
		void losesTheTailAtShutdown(@Autowired LambdaEmulator emulator,
				@Autowired ConfigurableApplicationContext context, @Autowired BufferProperties buffer) {
			send(emulator, SENT);
			assertThat(emulator.extensions()).isEmpty();
			assertThat(emulator.shutdown()).as("SIGKILL without SIGTERM").isFalse();
			assertThat(context.isActive()).isTrue();
			assertThat(SinkFiles.ids(buffer.directory())).hasSize(20);
		}

	}

}
