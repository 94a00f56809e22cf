package dev.lambdaruntime.shutdown;

import java.io.IOException;
import java.util.List;

import dev.lambdaruntime.api.ErrorReport;
import dev.lambdaruntime.api.ExtensionsApiClient;
import dev.lambdaruntime.api.RuntimeApiException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The runtime's own no-op internal extension, as AWS's Go and Rust runtimes register one: registered for no events, it
 * makes Lambda send SIGTERM (and wait up to 500 ms) before SIGKILL when the environment ends. Its long poll waits on a
 * daemon thread and a connection of its own, so it never delays an invocation.
 */
public final class InternalExtension implements AutoCloseable {

	/** The {@code Lambda-Extension-Name}; unique among the function's extensions. */
	public static final String NAME = "lambda-runtime-spring-boot";

	private static final Logger logger = LoggerFactory.getLogger(InternalExtension.class);

	/** What the extension reports when it stops waiting for events. */
	static final String EXIT_ERROR_TYPE = "Extension.EventPollFailed";

	private static final long[] RETRY_DELAYS_MS = { 10, 100, 1000 };

	private final ExtensionsApiClient client;

	private final String identifier;

	private final Thread poller;

	private volatile boolean closed;

	private InternalExtension(ExtensionsApiClient client, String identifier) {
		this.client = client;
		this.identifier = identifier;
		this.poller = new Thread(this::poll, "lambda-runtime-extension");
		this.poller.setDaemon(true);
	}

	/**
	 * Registers before the runtime's first {@code /next}, and starts waiting for events; a refusal is logged and
	 * the runtime carries on without it (Lambda then ends the environment with SIGKILL alone).
	 * @param endpoint the Runtime API's {@code host:port}
	 * @return the registered extension, or {@code null} when Lambda refused or could not be reached
	 */
	public static @Nullable InternalExtension register(String endpoint) {
		ExtensionsApiClient client = new ExtensionsApiClient(endpoint);
		long start = System.nanoTime();
		try {
			String identifier = registerRetryingOnce(client);
			logger.debug("Registered the internal extension {} in {} µs: SIGTERM comes before SIGKILL", NAME,
					(System.nanoTime() - start) / 1000);
			InternalExtension extension = new InternalExtension(client, identifier);
			extension.poller.start();
			return extension;
		}
		catch (IOException ex) {
			client.close();
			logger.warn("Could not register the internal extension {} ({}); Lambda will end this environment with "
					+ "SIGKILL, without SIGTERM, so the application is not closed", NAME, ex.getMessage());
			return null;
		}
	}

	/**
	 * Registers, once more on a fresh connection when the first one broke: the request may have been lost on its
	 * way, and then the second is the one Lambda sees. If Lambda took the first and only its answer was lost, it
	 * refuses the name a second time; it then waits for an extension whose identifier the runtime never learnt,
	 * until its init limit ends the wait.
	 */
	private static String registerRetryingOnce(ExtensionsApiClient client) throws IOException {
		try {
			return client.register(NAME, List.of());
		}
		catch (RuntimeApiException ex) {
			throw ex;
		}
		catch (IOException ex) {
			try {
				return client.register(NAME, List.of());
			}
			catch (RuntimeApiException refused) {
				IOException lost = new IOException(ex.getMessage() + "; registering again: " + refused.getMessage()
						+ ". If Lambda took the first registration, it waits for it until its init limit", ex);
				lost.addSuppressed(refused);
				throw lost;
			}
		}
	}

	/**
	 * The identifier Lambda gave.
	 * @return the {@code Lambda-Extension-Identifier}
	 */
	public String identifier() {
		return this.identifier;
	}

	/**
	 * Stops waiting for events.
	 */
	@Override
	public void close() {
		this.closed = true;
		this.client.close();
	}

	/**
	 * Lambda counts the init phase done when every extension has called {@code /event/next}; registered for no
	 * events, this one waits there for the environment's life. A dropped connection (say, across a SnapStart restore)
	 * is polled again with the same identifier; a refusal, or a connection that keeps failing, ends the polling.
	 */
	private void poll() {
		int failures = 0;
		while (!this.closed) {
			try {
				String event = this.client.next(this.identifier);
				logger.debug("The internal extension got an event it did not register for: {}", event);
				failures = 0;
			}
			catch (RuntimeApiException ex) {
				stopPolling(ex);
				return;
			}
			catch (IOException ex) {
				if (this.closed || failures >= RETRY_DELAYS_MS.length) {
					stopPolling(ex);
					return;
				}
				pause(RETRY_DELAYS_MS[failures++]);
			}
		}
	}

	/**
	 * Lambda hands out the next event only once every registered extension waits in {@code /event/next}: one that
	 * stops waiting says it exits ({@code /extension/exit/error}), so that it holds no invocation back.
	 */
	private void stopPolling(IOException failure) {
		if (this.closed) {
			return;
		}
		logger.warn("The internal extension stops waiting for events ({}); it tells Lambda it exits, so that Lambda "
				+ "does not wait for it", failure.getMessage());
		try {
			this.client.exitError(this.identifier,
					ErrorReport.of(EXIT_ERROR_TYPE, String.valueOf(failure.getMessage())));
		}
		catch (IOException ex) {
			if (!this.closed) {
				logger.warn("Could not tell Lambda that the internal extension exits ({}); Lambda may wait for it "
						+ "until its init limit", ex.getMessage());
			}
		}
	}

	private static void pause(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
