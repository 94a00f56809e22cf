package dev.lambdaruntime.emulator.process;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import dev.lambdaruntime.emulator.lambda.Durations;
import dev.lambdaruntime.emulator.lambda.EmulatorSettings;
import dev.lambdaruntime.emulator.lambda.FaultRule;
import org.jspecify.annotations.Nullable;

/**
 * The process-mode command line, parsed strictly: options, then {@code --}, then the bootstrap and its arguments.
 *
 * @param port the port to listen on
 * @param timeout the function timeout
 * @param initTimeout the init limit, or {@code null} for Lambda's own
 * @param memoryMb the memory size
 * @param concurrency how many invocations the runtime may take at once
 * @param snapStart whether the runtime must call {@code /runtime/restore/next} first
 * @param invocationIds whether to send and check {@code Lambda-Runtime-Invocation-Id}
 * @param functionName the function name
 * @param handler the {@code _HANDLER} value, if any
 * @param bindAddress the address to listen on
 * @param idleShutdown how long the runtime may idle before the environment spins down, or {@code null} for never
 * @param faults the faults to inject into the Runtime and Extensions APIs
 * @param faultSeed the seed of random faults
 * @param extensions the directory whose executables start as external extensions, as {@code /opt/extensions} on
 * Lambda, or {@code null} for none
 * @param command the bootstrap command
 */
record CommandLine(int port, Duration timeout, @Nullable Duration initTimeout, int memoryMb, int concurrency,
		boolean snapStart, boolean invocationIds, String functionName, @Nullable String handler,
		InetAddress bindAddress, @Nullable Duration idleShutdown, List<FaultRule> faults, long faultSeed,
		@Nullable Path extensions, List<String> command) {

	static final String USAGE = """
			Usage: java -jar lambda-runtime-emulator.jar [options] -- <bootstrap> [args...]

			Runs <bootstrap> the way AWS Lambda does, on the first invoke, and serves the Invoke API:
			  curl -d '{}' http://127.0.0.1:9000/2015-03-31/functions/function/invocations

			Options:
			  --port <n>             port to listen on (default 9000; 0 picks a free one)
			  --timeout <duration>   function timeout, e.g. 500ms, 30s, 2m (default 30s), from the moment the
			                         runtime takes the event
			  --init-timeout <duration>
			                         how long the runtime's init may take before it runs on inside the first
			                         invocation, under its timeout (default 10s, as Lambda; SnapStart 130s)
			  --memory <mb>          memory size reported to the runtime (default 512)
			  --concurrency <n>      invocations handed out at once; sets AWS_LAMBDA_MAX_CONCURRENCY (default 1)
			  --snapstart            require /runtime/restore/next first (AWS_LAMBDA_INITIALIZATION_TYPE=snap-start)
			  --invocation-ids       send Lambda-Runtime-Invocation-Id and require its echo
			  --function-name <name> function name (default function)
			  --handler <handler>    value of _HANDLER (default unset, as for container images)
			  --bind <address>       address to listen on (default 127.0.0.1, loopback only)
			  --idle-shutdown <duration>
			                         spin the environment down after it idles that long, e.g. 10s: SIGTERM to
			                         the runtime if it registered an extension, else SIGKILL (default never)
			  --extensions <dir>     start every executable file in <dir> as an external extension, in file-name
			                         order, before the runtime, as Lambda starts those in /opt/extensions; each
			                         must register under its file name (default none)
			  --fault <endpoint>=<fault>[*<n>]
			                         inject a fault into the next n (default 1) requests to an endpoint
			  --random-fault [<endpoint>,...=]<fault>@<probability>
			                         inject a fault at random (every endpoint unless named)
			  --fault-seed <n>       seed of the random faults (default 0)
			  --help                 print this help

			Endpoints: next, response, streaming-response, error, init-error, restore-next, restore-error (Runtime
			  API); extension-register, extension-next, extension-init-error, extension-exit-error (Extensions API).
			Faults: drop-request, reset-connection, drop-response, close-after-response, stall:<duration>,
			  trickle:<bytes>:<pause>, status:<code>, truncated-body, malformed-status-line, malformed-headers,
			  oversized-headers, wrong-content-length, broken-chunking.
			""";

	/**
	 * Parses the arguments.
	 * @param args the arguments
	 * @return the command line
	 * @throws IllegalArgumentException with a message saying what is wrong
	 */
	static CommandLine parse(String... args) {
		EmulatorSettings defaults = EmulatorSettings.DEFAULTS;
		// A fixed port, unlike in-process, so the curl line in the usage works as printed.
		int port = 9000;
		Duration timeout = defaults.timeout();
		Duration initTimeout = null;
		int memoryMb = defaults.memoryMb();
		int concurrency = defaults.concurrency();
		boolean snapStart = defaults.snapStart();
		boolean invocationIds = defaults.invocationIds();
		String functionName = defaults.functionName();
		String handler = null;
		InetAddress bind = defaults.bindAddress();
		Duration idleShutdown = null;
		List<FaultRule> faults = new ArrayList<>();
		long faultSeed = 0;
		Path extensions = null;
		int i = 0;
		while (i < args.length && !args[i].equals("--")) {
			String option = args[i];
			String inline = null;
			int equals = option.indexOf('=');
			if (option.startsWith("--") && equals > 0) {
				inline = option.substring(equals + 1);
				option = option.substring(0, equals);
			}
			switch (option) {
				case "--snapstart" -> snapStart = true;
				case "--invocation-ids" -> invocationIds = true;
				case "--port", "--timeout", "--init-timeout", "--memory", "--concurrency", "--function-name", "--handler",
						"--bind", "--idle-shutdown", "--fault", "--random-fault", "--fault-seed",
						"--extensions" -> {
					String value = inline;
					if (value == null) {
						if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
							throw new IllegalArgumentException(option + " needs a value");
						}
						value = args[++i];
					}
					switch (option) {
						case "--port" -> port = number(option, value, 0, 65535);
						case "--timeout" -> timeout = Durations.parse(value);
						case "--init-timeout" -> initTimeout = positive(option, Durations.parse(value));
						case "--memory" -> memoryMb = number(option, value, 128, 10240);
						case "--concurrency" -> concurrency = number(option, value, 1, 1024);
						case "--function-name" -> functionName = EmulatorSettings.checkFunctionName(value);
						case "--handler" -> handler = value;
						case "--idle-shutdown" -> idleShutdown = positive(option, Durations.parse(value));
						case "--fault" -> faults.add(FaultRule.scripted(value));
						case "--random-fault" -> faults.add(FaultRule.random(value));
						case "--fault-seed" -> faultSeed = seed(value);
						case "--extensions" -> extensions = directory(option, value);
						default -> bind = address(value);
					}
				}
				default -> throw new IllegalArgumentException(args[i].startsWith("-") ? "Unknown option " + args[i]
						: "Unexpected argument " + args[i] + "; give the bootstrap command after --, for example: -- "
								+ args[i]);
			}
			i++;
		}
		if (i >= args.length - 1) {
			throw new IllegalArgumentException("Give the bootstrap command after --, for example: -- ./bootstrap");
		}
		positive("--timeout", timeout);
		return new CommandLine(port, timeout, initTimeout, memoryMb, concurrency, snapStart, invocationIds,
				functionName, handler, bind, idleShutdown, List.copyOf(faults), faultSeed, extensions,
				List.copyOf(Arrays.asList(args).subList(i + 1, args.length)));
	}

	/**
	 * The emulator these options describe; it keeps no Runtime API requests, as it may run for long.
	 * @return the settings
	 */
	EmulatorSettings settings() {
		return settings(Set.of());
	}

	/**
	 * The emulator these options describe, with the names that register as external extensions.
	 * @param externalExtensions the file names of the extensions started from {@link #extensions()}
	 * @return the settings
	 */
	EmulatorSettings settings(Set<String> externalExtensions) {
		return new EmulatorSettings(this.port, this.functionName, this.timeout, this.memoryMb, this.concurrency,
				this.snapStart, this.invocationIds, this.bindAddress, false, this.handler, externalExtensions,
				this.initTimeout);
	}

	private static Duration positive(String option, Duration duration) {
		if (duration.isZero() || duration.isNegative()) {
			throw new IllegalArgumentException(option + " must be positive");
		}
		return duration;
	}

	private static int number(String option, String value, int min, int max) {
		try {
			int number = Integer.parseInt(value);
			if (number >= min && number <= max) {
				return number;
			}
		}
		catch (NumberFormatException ex) {
			// Reported below.
		}
		throw new IllegalArgumentException(option + " must be a number from " + min + " to " + max + ", not " + value);
	}

	private static long seed(String value) {
		try {
			return Long.parseLong(value);
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("--fault-seed must be a number, not " + value, ex);
		}
	}

	private static Path directory(String option, String value) {
		Path directory = Path.of(value).toAbsolutePath();
		if (!Files.isDirectory(directory)) {
			throw new IllegalArgumentException(option + ": not a directory: " + value);
		}
		return directory;
	}

	private static InetAddress address(String value) {
		try {
			return InetAddress.getByName(value);
		}
		catch (UnknownHostException ex) {
			throw new IllegalArgumentException("--bind: unknown address " + value, ex);
		}
	}

}
