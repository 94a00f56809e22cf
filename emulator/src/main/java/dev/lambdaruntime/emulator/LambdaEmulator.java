package dev.lambdaruntime.emulator;

import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import dev.lambdaruntime.emulator.lambda.EmulatorSettings;
import dev.lambdaruntime.emulator.lambda.LocalLambda;
import dev.lambdaruntime.emulator.lambda.ShutdownReason;
import org.jspecify.annotations.Nullable;

/**
 * A local AWS Lambda serving the Runtime API to a runtime and the Invoke API to callers, on one loopback port.
 */
public final class LambdaEmulator implements AutoCloseable {

	private final LocalLambda lambda;

	private LambdaEmulator(EmulatorSettings settings) {
		this.lambda = new LocalLambda(settings);
	}

	/**
	 * A builder for an emulator with settings other than the defaults.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * An emulator with the default settings (free port, function {@code function}, 30 s timeout, 512 MB,
	 * concurrency 1), not yet started.
	 * @return the emulator
	 */
	public static LambdaEmulator create() {
		return builder().build();
	}

	/**
	 * Binds the port and starts serving both APIs.
	 * @return this emulator
	 * @throws UncheckedIOException when the port cannot be bound
	 * @throws IllegalStateException when closed
	 */
	public LambdaEmulator start() {
		this.lambda.start();
		return this;
	}

	/**
	 * The address to give the runtime as {@code AWS_LAMBDA_RUNTIME_API}.
	 * @return {@code host:port}, for example {@code 127.0.0.1:49152}
	 */
	public String runtimeApi() {
		return this.lambda.runtimeApi();
	}

	/**
	 * The bound port.
	 * @return the port
	 * @throws IllegalStateException when not started
	 */
	public int port() {
		return this.lambda.port();
	}

	/**
	 * The function's name, as in its ARN and the Invoke API path.
	 * @return the function name
	 */
	public String functionName() {
		return this.lambda.settings().functionName();
	}

	/**
	 * Invokes the function synchronously with a UTF-8 payload.
	 * @param payload the event
	 * @return the result, once the runtime answers or the timeout passes
	 * @throws IllegalStateException when the emulator is not started, or closes before the answer
	 */
	public InvokeResult invoke(String payload) {
		return invoke(InvokeRequest.of(payload));
	}

	/**
	 * Invokes the function synchronously with raw bytes.
	 * @param payload the event
	 * @return the result, once the runtime answers or the timeout passes
	 * @throws IllegalStateException when the emulator is not started, or closes before the answer
	 */
	public InvokeResult invoke(byte[] payload) {
		return invoke(InvokeRequest.of(payload));
	}

	/**
	 * Invokes the function: {@code RequestResponse} blocks until the runtime answers or the timeout passes,
	 * {@code Event} queues the invocation and returns 202 at once, {@code DryRun} returns 204 and runs nothing.
	 * @param request the request
	 * @return the result
	 * @throws IllegalStateException when the emulator is not started, or closes before the answer
	 */
	public InvokeResult invoke(InvokeRequest request) {
		return this.lambda.invoke(request);
	}

	/**
	 * The faults the Runtime and Extensions APIs inject, to test how a runtime copes with a Lambda that misbehaves:
	 * none until told, for example {@code emulator.faults().next(Endpoint.NEXT, Fault.status(500))}. May be set before
	 * {@link #start()}.
	 * @return the faults
	 */
	public Faults faults() {
		return this.lambda.faults();
	}

	/**
	 * Takes the next recorded Runtime API request, oldest first, waiting up to {@code timeout}.
	 * @param timeout how long to wait
	 * @return the request, or {@code null} when none came in time
	 */
	public @Nullable RuntimeRequest takeRuntimeRequest(Duration timeout) {
		return this.lambda.takeRuntimeRequest(timeout);
	}

	/**
	 * Every Runtime API request recorded so far, oldest first; taking requests does not remove them here.
	 * @return a snapshot
	 */
	public List<RuntimeRequest> runtimeRequests() {
		return this.lambda.runtimeRequests();
	}

	/**
	 * What the runtime posted to {@code /runtime/init/error}, if it did.
	 * @return the init error
	 */
	public Optional<RuntimeError> initError() {
		return Optional.ofNullable(this.lambda.initError());
	}

	/**
	 * What the runtime posted to {@code /runtime/restore/error}, if it did.
	 * @return the restore error
	 */
	public Optional<RuntimeError> restoreError() {
		return Optional.ofNullable(this.lambda.restoreError());
	}

	/**
	 * Spins the execution environment down, as Lambda does when it has idled: nothing more is handed out; if an
	 * extension registered, the {@linkplain #addShutdownListener shutdown listeners} run in place of SIGTERM, with
	 * 500 ms before the runtime counts as killed; external extensions get {@code SHUTDOWN} ({@code spindown}); then
	 * the environment is gone and registrations with it. In-process the emulator cannot kill the runtime: one that
	 * did not register keeps running, as it would until Lambda's SIGKILL.
	 * @return whether an extension had registered, so the runtime got its (emulated) SIGTERM
	 */
	public boolean shutdown() {
		return this.lambda.shutdown(ShutdownReason.SPINDOWN);
	}

	/**
	 * What the runtime's side does on SIGTERM, since an in-process emulator cannot signal its own JVM: at
	 * {@link #shutdown()}, if an extension registered, the listeners run in order on a thread of their own.
	 * {@code @AutoConfigureLambdaEmulator} adds one that closes the test's application context, as Spring Boot's
	 * shutdown hook does on a real SIGTERM.
	 * @param listener what SIGTERM would do
	 * @return this emulator
	 */
	public LambdaEmulator addShutdownListener(Runnable listener) {
		this.lambda.addShutdownListener(listener);
		return this;
	}

	/**
	 * The extensions registered with the Extensions API by the current runtime.
	 * @return a snapshot, in registration order
	 */
	public List<RegisteredExtension> extensions() {
		return this.lambda.extensions();
	}

	/**
	 * Stops serving: a runtime blocked in {@code /next} sees its connection close, and pending invocations fail
	 * with {@link IllegalStateException}. No shutdown phase runs: call {@link #shutdown()} first for one. Idempotent.
	 */
	@Override
	public void close() {
		this.lambda.close();
	}

	@Override
	public String toString() {
		return "LambdaEmulator[" + functionName() + ", " + (this.lambda.started() ? runtimeApi() : "not started") + "]";
	}

	/**
	 * Settings for a {@link LambdaEmulator}.
	 */
	public static final class Builder {

		private int port = EmulatorSettings.DEFAULTS.port();

		private String functionName = EmulatorSettings.DEFAULTS.functionName();

		private Duration timeout = EmulatorSettings.DEFAULTS.timeout();

		private int memoryMb = EmulatorSettings.DEFAULTS.memoryMb();

		private int concurrency = EmulatorSettings.DEFAULTS.concurrency();

		private boolean snapStart = EmulatorSettings.DEFAULTS.snapStart();

		private boolean invocationIds = EmulatorSettings.DEFAULTS.invocationIds();

		private InetAddress bindAddress = EmulatorSettings.DEFAULTS.bindAddress();

		private boolean recordRequests = EmulatorSettings.DEFAULTS.recordRequests();

		private final Set<String> externalExtensions = new LinkedHashSet<>();

		private @Nullable Duration initTimeout;

		private Builder() {
		}

		/**
		 * The port to bind; 0 (the default) picks a free one.
		 * @param port the port
		 * @return this builder
		 */
		public Builder port(int port) {
			if (port < 0 || port > 65535) {
				throw new IllegalArgumentException("Port must be 0 to 65535, not " + port);
			}
			this.port = port;
			return this;
		}

		/**
		 * The function name; {@code function} by default, like AWS's emulator.
		 * @param name 1 to 64 letters, digits, hyphens or underscores
		 * @return this builder
		 */
		public Builder functionName(String name) {
			this.functionName = EmulatorSettings.checkFunctionName(name);
			return this;
		}

		/**
		 * The function timeout; 30 seconds by default. As on Lambda it counts from the moment the runtime takes the
		 * invocation; the init before it has a limit of its own ({@link #initTimeout}).
		 * @param timeout a positive duration
		 * @return this builder
		 */
		public Builder timeout(Duration timeout) {
			if (timeout.isNegative() || timeout.isZero()) {
				throw new IllegalArgumentException("Timeout must be positive");
			}
			this.timeout = timeout;
			return this;
		}

		/**
		 * How long the runtime's init may take while an invocation waits for it; Lambda's own limit by default: 10 s,
		 * or under SnapStart the longer of 130 s and the function timeout. Past it, as on Lambda, the init runs on
		 * inside the first invocation, whose timeout then covers the rest of it.
		 * @param initTimeout a positive duration
		 * @return this builder
		 */
		public Builder initTimeout(Duration initTimeout) {
			if (initTimeout.isNegative() || initTimeout.isZero()) {
				throw new IllegalArgumentException("Init timeout must be positive");
			}
			this.initTimeout = initTimeout;
			return this;
		}

		/**
		 * The memory size in MB; 512 by default. Reported only, not enforced.
		 * @param memoryMb a positive size
		 * @return this builder
		 */
		public Builder memoryMb(int memoryMb) {
			if (memoryMb <= 0) {
				throw new IllegalArgumentException("Memory size must be positive");
			}
			this.memoryMb = memoryMb;
			return this;
		}

		/**
		 * How many invocations may be handed out at once; 1 by default.
		 * @param concurrency at least 1
		 * @return this builder
		 */
		public Builder concurrency(int concurrency) {
			if (concurrency < 1) {
				throw new IllegalArgumentException("Concurrency must be at least 1");
			}
			this.concurrency = concurrency;
			return this;
		}

		/**
		 * Whether the runtime must call {@code /runtime/restore/next} before its first {@code /next}.
		 * @param snapStart {@code true} for SnapStart mode
		 * @return this builder
		 */
		public Builder snapStart(boolean snapStart) {
			this.snapStart = snapStart;
			return this;
		}

		/**
		 * Whether to send {@code Lambda-Runtime-Invocation-Id} with each event and require it back on the answer.
		 * @param invocationIds {@code true} to check invocation ids
		 * @return this builder
		 */
		public Builder invocationIds(boolean invocationIds) {
			this.invocationIds = invocationIds;
			return this;
		}

		/**
		 * The address to listen on; loopback by default.
		 * @param address the address
		 * @return this builder
		 */
		public Builder bindAddress(InetAddress address) {
			this.bindAddress = Objects.requireNonNull(address, "address");
			return this;
		}

		/**
		 * Whether to record every Runtime API request for {@link LambdaEmulator#takeRuntimeRequest} and
		 * {@link LambdaEmulator#runtimeRequests}; on by default, off for long-running emulators.
		 * @param record {@code true} to record
		 * @return this builder
		 */
		public Builder recordRuntimeRequests(boolean record) {
			this.recordRequests = record;
			return this;
		}

		/**
		 * Names an external extension: one that registers under this name counts as a process of its own (what
		 * Lambda finds in {@code /opt/extensions}), may register for {@code SHUTDOWN}, and stretches the shutdown
		 * phase to 2,000 ms. Any other name registers as an internal extension.
		 * @param name the {@code Lambda-Extension-Name} it will register with
		 * @return this builder
		 */
		public Builder externalExtension(String name) {
			this.externalExtensions.add(Objects.requireNonNull(name, "name"));
			return this;
		}

		/**
		 * Builds the emulator; call {@link LambdaEmulator#start()} to serve.
		 * @return the emulator
		 */
		public LambdaEmulator build() {
			return new LambdaEmulator(new EmulatorSettings(this.port, this.functionName, this.timeout, this.memoryMb,
					this.concurrency, this.snapStart, this.invocationIds, this.bindAddress, this.recordRequests, null,
					Set.copyOf(this.externalExtensions), this.initTimeout));
		}

	}

}
