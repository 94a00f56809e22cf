package dev.lambdaruntime.emulator.lambda;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * How one emulator is set up; built by {@code LambdaEmulator.Builder} in-process and from the command line in process
 * mode.
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
 * @param handler the {@code _HANDLER} value, also in the Extensions API's register answer; {@code null} for none, as
 * for container images
 * @param externalExtensions the extension names that register as external extensions (processes of their own, which
 * Lambda finds in {@code /opt/extensions}); any other name registers as an internal extension
 * @param initTimeout how long the runtime's init may take before Lambda runs it again inside the first invocation,
 * under the function timeout; {@code null} for Lambda's own limit (see {@link #initLimit()})
 */
public record EmulatorSettings(int port, String functionName, Duration timeout, int memoryMb, int concurrency,
		boolean snapStart, boolean invocationIds, InetAddress bindAddress, boolean recordRequests,
		@Nullable String handler, Set<String> externalExtensions, @Nullable Duration initTimeout) {

	/** The region in the function's ARN and the runtime's environment. */
	public static final String REGION = "us-east-1";

	/** The only function version there is. */
	public static final String VERSION = "$LATEST";

	/**
	 * The defaults, in-process and on the command line alike (which picks its own port): a free port, function
	 * {@code function}, 30 s, 512 MB, concurrency 1, loopback, requests recorded, no handler, no external extensions,
	 * Lambda's init limit.
	 */
	public static final EmulatorSettings DEFAULTS = new EmulatorSettings(0, "function", Duration.ofSeconds(30), 512, 1,
			false, false, InetAddress.getLoopbackAddress(), true, null, Set.of(), null);

	/** Lambda's init limit for on-demand functions. */
	static final Duration ON_DEMAND_INIT_LIMIT = Duration.ofSeconds(10);

	/** Lambda's init limit for SnapStart (and provisioned concurrency), unless the function timeout is longer. */
	static final Duration SNAPSTART_INIT_LIMIT = Duration.ofSeconds(130);

	static final String ACCOUNT = "000000000000";

	private static final Pattern FUNCTION_NAME = Pattern.compile("[a-zA-Z0-9_-]{1,64}");

	/**
	 * Checks a function name the way Lambda does for an unqualified name.
	 * @param name the name
	 * @return the name
	 * @throws IllegalArgumentException when it is not 1 to 64 letters, digits, hyphens or underscores
	 */
	public static String checkFunctionName(String name) {
		if (!FUNCTION_NAME.matcher(name).matches()) {
			throw new IllegalArgumentException("Function name must be 1 to 64 letters, digits, '-' or '_'");
		}
		return name;
	}

	/**
	 * How long the runtime's init may take, from its start to its first invocation, before Lambda runs it again
	 * inside the first invocation: the {@code initTimeout} given, else Lambda's own, 10 s on demand and under SnapStart
	 * the longer of 130 s and the function timeout.
	 * @return the init limit
	 */
	public Duration initLimit() {
		if (this.initTimeout != null) {
			return this.initTimeout;
		}
		if (this.snapStart) {
			return (this.timeout.compareTo(SNAPSTART_INIT_LIMIT) > 0) ? this.timeout : SNAPSTART_INIT_LIMIT;
		}
		return ON_DEMAND_INIT_LIMIT;
	}

	String functionArn() {
		return "arn:aws:lambda:" + REGION + ":" + ACCOUNT + ":function:" + this.functionName;
	}

	String timeoutSeconds() {
		return String.format(Locale.ROOT, "%.2f", this.timeout.toMillis() / 1000.0);
	}

}
