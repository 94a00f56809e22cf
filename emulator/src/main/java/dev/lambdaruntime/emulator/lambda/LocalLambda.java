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
import java.util.function.Predicate;

import dev.lambdaruntime.emulator.Faults;
import dev.lambdaruntime.emulator.InvokeRequest;
import dev.lambdaruntime.emulator.InvokeResult;
import dev.lambdaruntime.emulator.RegisteredExtension;
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

	private final Extensions extensions;

	private final ExtensionsApi extensionsApi;

	private final ShutdownPhase shutdownPhase;

	private final @Nullable InProcessPlatform inProcess;

	private final FaultPlan faults = new FaultPlan();

	private @Nullable LoopbackServer server;

	private boolean closed;

	/**
	 * A Lambda with no runtime process to watch: the platform only writes START, END and REPORT into log tails, and
	 * at shutdown runs the {@linkplain #addShutdownListener shutdown listeners} in place of SIGTERM.
	 * @param settings the settings
	 */
	public LocalLambda(EmulatorSettings settings) {
		this(settings, new InProcessPlatform(new PlatformLog(settings, null)));
	}

	/**
	 * A Lambda whose platform follows each invocation, for example to start and watch the runtime process.
	 * @param settings the settings
	 * @param platform told of every step of every invocation, and signals the runtime at shutdown
	 * @param log where the platform's own lines go
	 */
	public LocalLambda(EmulatorSettings settings, InvocationListener platform, PlatformLog log) {
		this.settings = settings;
		this.inProcess = (platform instanceof InProcessPlatform inProcessPlatform) ? inProcessPlatform : null;
		this.extensions = new Extensions(settings.externalExtensions(), log);
		this.broker = new InvocationBroker(settings, new WithExtensions(platform, this.extensions, settings),
				this.extensions::ready, this::initTimedOut);
		this.extensions.onReadinessChange(this.broker::wake);
		this.recorder = new RequestRecorder(settings.recordRequests());
		this.runtimeApi = new RuntimeApi(settings, this.broker, this.recorder, this.faults);
		this.extensionsApi = new ExtensionsApi(settings, this.extensions, (id, errorType, body, init) -> {
			log.echo("Lambda emulator: extension " + id + " reported " + (init ? "an init" : "an exit") + " error: "
					+ errorType);
			if (init) {
				this.broker.fail(new RuntimeError("Extension.InitError",
						Json.error("Extension.InitError", "Extension init failed: " + errorType)), false);
			}
		}, this.faults);
		this.shutdownPhase = new ShutdownPhase(this.broker, this.extensions, platform, log);
	}

	private LocalLambda(EmulatorSettings settings, InProcessPlatform platform) {
		this(settings, platform, platform.log());
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
			HttpHandler router = new Router(Map.of(RuntimeApi.PREFIX + "/", this.runtimeApi,
					ExtensionsApi.PREFIX + "/", this.extensionsApi, InvokeApi.PREFIX,
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
	 * The faults the Runtime and Extensions APIs inject; none until told.
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
	 * The runtime process exited by itself: its invocations end with {@code Runtime.ExitError}, external extensions
	 * get {@code SHUTDOWN} ({@code failure}), and the next runtime starts fresh.
	 * @param reason what the exit looked like, for example {@code exit status 1}
	 * @return whether invocations are still queued, so a new runtime is needed
	 */
	public boolean runtimeExited(String reason) {
		return this.shutdownPhase.runtimeExited(reason);
	}

	/**
	 * Lambda's Extension init phase: waits, up to the init limit, until every external extension started has
	 * registered, before the runtime starts.
	 * @param names the file names of the extensions started
	 * @param gone whether an extension's process ended
	 * @return the first extension that ended without registering, or {@code null} when all registered or the limit
	 * passed
	 */
	public @Nullable String awaitExtensionsRegistered(List<String> names, Predicate<String> gone) {
		try {
			return this.extensions.awaitRegistered(names, gone,
					System.nanoTime() + this.settings.initLimit().toNanos());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return null;
		}
	}

	/**
	 * An external extension's process ended: it no longer holds invocations or the shutdown phase back.
	 * @param name the extension's file name
	 */
	public void extensionExited(String name) {
		this.extensions.exited(name);
	}

	/**
	 * An external extension ended before it registered: the init fails with {@code Extension.Crash}, as on Lambda,
	 * and the environment is reset.
	 * @param name the extension's file name
	 * @param reason what the exit looked like, for example {@code exit status 1}
	 * @param initMillis how long the init ran
	 * @return whether invocations are still queued, so a new environment is needed
	 */
	public boolean extensionCrashed(String name, String reason, double initMillis) {
		return this.shutdownPhase.extensionCrashed(name, reason, initMillis);
	}

	/**
	 * Runs Lambda's shutdown phase: no more invocations are handed out; the runtime gets SIGTERM and 500 ms if an
	 * extension registered, else SIGKILL at once; external extensions get {@code SHUTDOWN}; then the environment is
	 * gone, and the next invoke starts a fresh runtime.
	 * @param reason why the environment ends
	 * @return whether the runtime got SIGTERM
	 */
	public boolean shutdown(ShutdownReason reason) {
		return this.shutdownPhase.run(reason);
	}

	/**
	 * Whether invocations are queued or in flight.
	 * @return {@code true} when the runtime has work
	 */
	public boolean busy() {
		return this.broker.busy();
	}

	/**
	 * The extensions registered with the current runtime.
	 * @return a snapshot, in registration order
	 */
	public List<RegisteredExtension> extensions() {
		return this.extensions.snapshot();
	}

	/**
	 * In-process only: what the runtime's side does on SIGTERM, since the emulator cannot signal its own JVM; called
	 * on a thread of its own at shutdown, only if an extension registered.
	 * @param listener for example, closing the runtime's application context
	 * @throws IllegalStateException in process mode, where the runtime gets a real SIGTERM
	 */
	public void addShutdownListener(Runnable listener) {
		if (this.inProcess == null) {
			throw new IllegalStateException("The runtime is a process: it gets SIGTERM");
		}
		this.inProcess.addShutdownListener(listener);
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
		this.extensions.close();
		if (closing != null) {
			closing.close();
		}
	}

	InvocationBroker broker() {
		return this.broker;
	}

	private void initTimedOut() {
		this.shutdownPhase.initTimedOut(this.inProcess == null);
	}

	private static InvokeResult noPayload(int status, String requestId) {
		return new InvokeResult(status, new byte[0], null, null, null, EmulatorSettings.VERSION, requestId);
	}

	/**
	 * The platform, with the Extensions API's part in each step: registration closes when the runtime is ready, and
	 * each invocation the runtime takes is an {@code INVOKE} event for the extensions that want one.
	 */
	private static final class WithExtensions implements InvocationListener {

		private final InvocationListener platform;

		private final Extensions extensions;

		private final EmulatorSettings settings;

		WithExtensions(InvocationListener platform, Extensions extensions, EmulatorSettings settings) {
			this.platform = platform;
			this.extensions = extensions;
			this.settings = settings;
		}

		@Override
		public void queued(Invocation invocation) {
			this.platform.queued(invocation);
		}

		@Override
		public void runtimeReady() {
			this.extensions.closeRegistration();
			this.platform.runtimeReady();
		}

		@Override
		public void runtimeRestored() {
			this.platform.runtimeRestored();
		}

		@Override
		public void started(Invocation invocation) {
			this.platform.started(invocation);
			this.extensions.invoke(invocation, this.settings.functionArn());
		}

		@Override
		public void finished(Invocation invocation, Outcome outcome) {
			this.platform.finished(invocation, outcome);
		}

	}

}
