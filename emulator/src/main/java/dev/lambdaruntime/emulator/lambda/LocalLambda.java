package dev.lambdaruntime.emulator.lambda;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import dev.lambdaruntime.emulator.Faults;
import dev.lambdaruntime.emulator.InvokeRequest;
import dev.lambdaruntime.emulator.InvokeResult;
import dev.lambdaruntime.emulator.RuntimeError;
import dev.lambdaruntime.emulator.RuntimeRequest;
import dev.lambdaruntime.emulator.http.HttpHandler;
import dev.lambdaruntime.emulator.http.LoopbackServer;
import org.jspecify.annotations.Nullable;

/**
 * One function's Lambda: the invocation broker behind the Runtime API and the Invoke API, served on one port. The
 * engine of {@code LambdaEmulator} in-process, and of process mode with a platform that runs the runtime.
 */
public final class LocalLambda implements AutoCloseable {

	private final EmulatorSettings settings;

	private final InvocationBroker broker;

	private final RequestRecorder recorder;

	private final RuntimeApi runtimeApi;

	private final FaultPlan faults = new FaultPlan();

	private @Nullable LoopbackServer server;

	private boolean closed;

	/**
	 * A Lambda with no runtime process to watch: the platform only writes START, END and REPORT into log tails.
	 * @param settings the settings
	 */
	public LocalLambda(EmulatorSettings settings) {
		this(settings, new InProcessPlatform(new PlatformLog(settings, null)));
	}

	/**
	 * A Lambda whose platform follows each invocation, for example to start and watch the runtime process.
	 * @param settings the settings
	 * @param platform told of every step of every invocation
	 */
	public LocalLambda(EmulatorSettings settings, InvocationListener platform) {
		this.settings = settings;
		this.broker = new InvocationBroker(settings, platform);
		this.recorder = new RequestRecorder(settings.recordRequests());
		this.runtimeApi = new RuntimeApi(settings, this.broker, this.recorder, this.faults);
	}

	/**
	 * Binds the port and starts serving both APIs; does nothing when started.
	 * @throws UncheckedIOException when the port cannot be bound
	 * @throws IllegalStateException when closed
	 */
	public synchronized void start() {
		if (this.closed) {
			throw new IllegalStateException("Lambda emulator is closed");
		}
		if (this.server == null) {
			HttpHandler router = new Router(Map.of(RuntimeApi.PREFIX + "/", this.runtimeApi, InvokeApi.PREFIX,
					new InvokeApi(this.settings, this::invoke)));
			try {
				this.server = new LoopbackServer(this.settings.bindAddress(), this.settings.port(), router,
						ApiErrors::badRequest, this.settings.timeout().plusSeconds(10));
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Could not bind the Lambda emulator to "
						+ this.settings.bindAddress().getHostAddress() + ":" + this.settings.port(), ex);
			}
		}
	}

	/**
	 * The settings.
	 * @return the settings
	 */
	public EmulatorSettings settings() {
		return this.settings;
	}

	/**
	 * The address to give the runtime as {@code AWS_LAMBDA_RUNTIME_API}.
	 * @return {@code host:port}
	 * @throws IllegalStateException when not started
	 */
	public String runtimeApi() {
		InetAddress address = this.settings.bindAddress();
		String host = address.isAnyLocalAddress() ? "127.0.0.1" : address.getHostAddress();
		return ((address instanceof Inet6Address && !address.isAnyLocalAddress()) ? "[" + host + "]" : host) + ":"
				+ port();
	}

	/**
	 * The bound port.
	 * @return the port
	 * @throws IllegalStateException when not started
	 */
	public synchronized int port() {
		if (this.server == null) {
			throw new IllegalStateException("Lambda emulator is not started; call start() first");
		}
		return this.server.port();
	}

	/**
	 * Whether {@link #start()} has bound the port.
	 * @return {@code true} once started
	 */
	public synchronized boolean started() {
		return this.server != null;
	}

	/**
	 * Invokes the function: {@code RequestResponse} blocks until the runtime answers or the timeout passes,
	 * {@code Event} queues the invocation and returns 202 at once, {@code DryRun} returns 204 and runs nothing.
	 * @param request the request
	 * @return the result
	 * @throws IllegalStateException when not started, or closed before the answer
	 */
	public InvokeResult invoke(InvokeRequest request) {
		port();
		if (request.invocationType().equals(InvokeRequest.DRY_RUN)) {
			return noPayload(204, UUID.randomUUID().toString());
		}
		Invocation invocation = this.broker.submit(request);
		if (request.invocationType().equals(InvokeRequest.EVENT)) {
			return noPayload(202, invocation.requestId());
		}
		try {
			return invocation.result().get();
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException(ex.getCause().getMessage(), ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for the runtime", ex);
		}
	}

	/**
	 * The faults the Runtime API injects; none until told.
	 * @return the faults
	 */
	public Faults faults() {
		return this.faults;
	}

	/**
	 * Takes the next recorded Runtime API request, oldest first, waiting up to {@code timeout}.
	 * @param timeout how long to wait
	 * @return the request, or {@code null} when none came in time
	 */
	public @Nullable RuntimeRequest takeRuntimeRequest(Duration timeout) {
		return this.recorder.take(timeout);
	}

	/**
	 * Every Runtime API request recorded so far, oldest first.
	 * @return a snapshot
	 */
	public List<RuntimeRequest> runtimeRequests() {
		return this.recorder.all();
	}

	/**
	 * What the runtime posted to {@code /runtime/init/error}, if it did.
	 * @return the init error, or {@code null}
	 */
	public @Nullable RuntimeError initError() {
		return this.runtimeApi.initError();
	}

	/**
	 * What the runtime posted to {@code /runtime/restore/error}, if it did.
	 * @return the restore error, or {@code null}
	 */
	public @Nullable RuntimeError restoreError() {
		return this.runtimeApi.restoreError();
	}

	/**
	 * The runtime process exited: its invocations end with {@code Runtime.ExitError} and the next runtime starts
	 * fresh.
	 * @param reason what the exit looked like, for example {@code exit status 1}
	 * @return whether invocations are still queued, so a new runtime is needed
	 */
	public boolean runtimeExited(String reason) {
		return this.broker.runtimeExited(reason);
	}

	/**
	 * Stops serving: a runtime blocked in {@code /next} sees its connection close, and pending invocations fail
	 * with {@link IllegalStateException}. Idempotent.
	 */
	@Override
	public void close() {
		LoopbackServer closing;
		synchronized (this) {
			if (this.closed) {
				return;
			}
			this.closed = true;
			closing = this.server;
		}
		this.broker.close();
		if (closing != null) {
			closing.close();
		}
	}

	InvocationBroker broker() {
		return this.broker;
	}

	private static InvokeResult noPayload(int status, String requestId) {
		return new InvokeResult(status, new byte[0], null, null, null, EmulatorSettings.VERSION, requestId);
	}

}
