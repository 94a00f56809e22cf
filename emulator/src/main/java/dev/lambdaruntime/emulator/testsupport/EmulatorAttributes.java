package dev.lambdaruntime.emulator.testsupport;

import dev.lambdaruntime.emulator.AutoConfigureLambdaEmulator;
import dev.lambdaruntime.emulator.LambdaEmulator;
import dev.lambdaruntime.emulator.LambdaEmulatorTest;
import dev.lambdaruntime.emulator.lambda.Durations;
import org.jspecify.annotations.Nullable;

/**
 * What a test annotation asks of its emulator, read from {@link LambdaEmulatorTest} or
 * {@link AutoConfigureLambdaEmulator}: the one mapping from annotation attributes to a started emulator. Equal
 * attributes are equal, so Spring's context cache can share an emulator between test classes.
 *
 * @param functionName the function name
 * @param timeout the timeout as written, for example {@code 5s}
 * @param memoryMb the memory size, or {@code null} for the builder's default
 * @param concurrency how many invocations may be handed out at once
 * @param snapStart whether the runtime must call {@code /runtime/restore/next} first
 * @param invocationIds whether to send {@code Lambda-Runtime-Invocation-Id} and require its echo
 */
record EmulatorAttributes(String functionName, String timeout, @Nullable Integer memoryMb, int concurrency,
		boolean snapStart, boolean invocationIds) {

	static EmulatorAttributes of(LambdaEmulatorTest annotation) {
		return new EmulatorAttributes(annotation.functionName(), annotation.timeout(), annotation.memoryMb(),
				annotation.concurrency(), annotation.snapStart(), annotation.invocationIds());
	}

	static EmulatorAttributes of(AutoConfigureLambdaEmulator annotation) {
		return new EmulatorAttributes(annotation.functionName(), annotation.timeout(), null, annotation.concurrency(),
				annotation.snapStart(), annotation.invocationIds());
	}

	/**
	 * Builds and starts the emulator these attributes describe.
	 * @return the started emulator
	 * @throws IllegalArgumentException when an attribute is out of range or the timeout cannot be read
	 */
	LambdaEmulator start() {
		LambdaEmulator.Builder builder = LambdaEmulator.builder()
			.functionName(this.functionName)
			.timeout(Durations.parse(this.timeout));
		if (this.memoryMb != null) {
			builder.memoryMb(this.memoryMb);
		}
		return builder.concurrency(this.concurrency)
			.snapStart(this.snapStart)
			.invocationIds(this.invocationIds)
			.build()
			.start();
	}

}
