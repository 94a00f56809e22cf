package dev.lambdaruntime.emulator.testsupport;

import java.util.List;

import dev.lambdaruntime.emulator.AutoConfigureLambdaEmulator;
import dev.lambdaruntime.emulator.EchoRuntime;
import dev.lambdaruntime.emulator.LambdaEmulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.junit.jupiter.SpringExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The Spring test integration: the emulator's address as {@code lambda.runtime.api}, the emulator as a bean.
 */
@ExtendWith(SpringExtension.class)
@ContextConfiguration(classes = AutoConfigureLambdaEmulatorTests.Config.class)
@AutoConfigureLambdaEmulator(timeout = "5s")
class AutoConfigureLambdaEmulatorTests {

	@Autowired
	LambdaEmulator emulator;

	@Value("${lambda.runtime.api}")
	String runtimeApi;

	@Test
	void contextHasTheEmulatorAndItsAddress() {
		assertThat(this.runtimeApi).isEqualTo(this.emulator.runtimeApi()).startsWith("127.0.0.1:");
		EchoRuntime.start(this.emulator);
		assertThat(this.emulator.invoke("{}").payloadAsString()).isEqualTo("echo:{}");
	}

	@Test
	void onlyAnnotatedClassesAreCustomized() {
		LambdaEmulatorContextCustomizerFactory factory = new LambdaEmulatorContextCustomizerFactory();
		assertThat(factory.createContextCustomizer(String.class, List.of())).isNull();
		ContextCustomizer one = factory.createContextCustomizer(AutoConfigureLambdaEmulatorTests.class, List.of());
		ContextCustomizer same = factory.createContextCustomizer(Same.class, List.of());
		ContextCustomizer other = factory.createContextCustomizer(Other.class, List.of());
		assertThat(one).isEqualTo(same).hasSameHashCodeAs(same).isNotEqualTo(other);
	}

	@Test
	void closingTheContextClosesTheEmulator() {
		ContextCustomizer customizer = new LambdaEmulatorContextCustomizerFactory().createContextCustomizer(Other.class,
				List.of());
		LambdaEmulator emulator;
		try (GenericApplicationContext context = new GenericApplicationContext()) {
			customizer.customizeContext(context, null);
			context.refresh();
			emulator = context.getBean(LambdaEmulator.class);
			assertThat(context.getEnvironment().getProperty("lambda.runtime.api")).isEqualTo(emulator.runtimeApi());
		}
		assertThatIllegalStateException().isThrownBy(() -> emulator.invoke("{}"));
	}

	@Configuration(proxyBeanMethods = false)
	static class Config {

	}

	@AutoConfigureLambdaEmulator(timeout = "5s")
	static class Same {

	}

	@AutoConfigureLambdaEmulator(concurrency = 2)
	static class Other {

	}

}
