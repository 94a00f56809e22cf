package dev.lambdaruntime.emulator;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Locale;

/**
 * How one emulator is set up; built by {@link LambdaEmulator.Builder}.
 *
 * @param port the port, 0 for a free one
 * @param functionName the function name
 * @param timeout the function timeout
 * @param memoryMb the memory size reported to the runtime and in REPORT lines
 * @param concurrency how many invocations may be handed out at once
 * @param snapStart whether the runtime must call {@code /runtime/restore/next} first
 * @param invocationIds whether to send {@code Lambda-Runtime-Invocation-Id} and require its echo
 * @param bindAddress the address to listen on
 * @param recordRequests whether to keep every Runtime API request for inspection
 */
record EmulatorSettings(int port, String functionName, Duration timeout, int memoryMb, int concurrency,
		boolean snapStart, boolean invocationIds, InetAddress bindAddress, boolean recordRequests) {

	static final String ACCOUNT = "000000000000";

	static final String REGION = "us-east-1";

	String functionArn() {
		return "arn:aws:lambda:" + REGION + ":" + ACCOUNT + ":function:" + this.functionName;
	}

	String timeoutSeconds() {
		return String.format(Locale.ROOT, "%.2f", this.timeout.toMillis() / 1000.0);
	}

}
