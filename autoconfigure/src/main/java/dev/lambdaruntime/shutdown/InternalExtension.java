package dev.lambdaruntime.shutdown;

import java.io.IOException;
import java.util.List;

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
			String identifier = client.register(NAME, List.of());
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
	 * is polled again with the same identifier; a refusal ends the polling.
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
				if (!this.closed) {
					logger.warn("The internal extension stops waiting for events: {}", ex.getMessage());
				}
				return;
			}
			catch (IOException ex) {
				if (this.closed) {
					return;
				}
				if (failures >= RETRY_DELAYS_MS.length) {
					logger.warn("The internal extension stops waiting for events: {}", ex.getMessage());
					return;
				}
				pause(RETRY_DELAYS_MS[failures++]);
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
