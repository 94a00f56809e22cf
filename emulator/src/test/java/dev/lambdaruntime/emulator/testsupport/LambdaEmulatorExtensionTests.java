package dev.lambdaruntime.emulator.testsupport;

import java.util.concurrent.atomic.AtomicReference;

import dev.lambdaruntime.emulator.EchoRuntime;
import dev.lambdaruntime.emulator.LambdaEmulator;
import dev.lambdaruntime.emulator.LambdaEmulatorTest;
import dev.lambdaruntime.emulator.TestRuntime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

/**
 * The JUnit 5 extension: field and parameter injection, settings, closing, and misuse.
 */
@LambdaEmulatorTest(functionName = "greeter")
class LambdaEmulatorExtensionTests {

	LambdaEmulator emulator;

	@Test
	void injectsTheSameStartedEmulatorIntoFieldAndParameter(LambdaEmulator parameter) {
		assertThat(parameter).isSameAs(this.emulator);
		assertThat(this.emulator.functionName()).isEqualTo("greeter");
		EchoRuntime.start(this.emulator);
		assertThat(this.emulator.invoke("{}").payloadAsString()).isEqualTo("echo:{}");
	}

	@Test
	@LambdaEmulatorTest(timeout = "200ms")
	void methodSettingsWin(LambdaEmulator emulator) {
		assertThat(emulator.functionName()).isEqualTo("function");
		// A runtime that takes the event and never answers.
		new TestRuntime(emulator).nextAsync();
		assertThat(emulator.invoke("{}").payloadAsString()).contains("Task timed out after 0.20 seconds");
	}

	@Test
	void closesTheEmulatorAfterTheTest() {
		Events tests = run(RemembersItsEmulator.class).testEvents();
		tests.assertThatEvents().haveExactly(1, event(finishedSuccessfully()));
		assertThatIllegalStateException().isThrownBy(() -> RemembersItsEmulator.seen.get().invoke("{}"));
	}

	@Test
	void rejectsAStaticFieldWithAFix() {
		run(StaticField.class).containerEvents()
			.assertThatEvents()
			.haveExactly(1, event(finishedWithFailure(instanceOf(ExtensionConfigurationException.class),
					message((text) -> text.contains("static field StaticField.emulator")
							&& text.contains("make the field an instance field")))));
	}

	@Test
	void rejectsAFinalFieldWithAFix() {
		run(FinalField.class).containerEvents()
			.assertThatEvents()
			.haveExactly(1, event(finishedWithFailure(instanceOf(ExtensionConfigurationException.class),
					message((text) -> text.contains("remove 'final'")))));
	}

	private static org.junit.platform.testkit.engine.EngineExecutionResults run(Class<?> testClass) {
		return EngineTestKit.engine("junit-jupiter").selectors(selectClass(testClass)).execute();
	}

	@LambdaEmulatorTest
	static class RemembersItsEmulator {

		static final AtomicReference<LambdaEmulator> seen = new AtomicReference<>();

		@Test
		void remember(LambdaEmulator emulator) {
			seen.set(emulator);
		}

	}

	@LambdaEmulatorTest
	static class StaticField {

		static LambdaEmulator emulator;

		@Test
		void never() {
		}

	}

	@LambdaEmulatorTest
	static class FinalField {

		final LambdaEmulator emulator = null;

		@Test
		void never() {
		}

	}

}
