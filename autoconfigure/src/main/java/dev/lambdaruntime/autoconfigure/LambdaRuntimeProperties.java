package dev.lambdaruntime.autoconfigure;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.DeprecatedConfigurationProperty;

/**
 * Configuration properties for the Lambda runtime.
 */
@ConfigurationProperties("lambda.runtime")
public class LambdaRuntimeProperties {

	/**
	 * Whether to run the Lambda runtime loop when a Runtime API is available.
	 */
	private boolean enabled = true;

	/**
	 * Address (host:port) of the Lambda Runtime API. Defaults to the AWS_LAMBDA_RUNTIME_API environment variable.
	 */
	private @Nullable String api;

	/**
	 * Number of invocations served at once, each on its own worker and connection. Defaults to
	 * AWS_LAMBDA_MAX_CONCURRENCY, else 1.
	 */
	private @Nullable Integer workers;

	/**
	 * Whether a plain function (not composed, routed, reactive or on messages) is called directly with its JSON
	 * conversion resolved once, rather than through Spring Cloud Function's per-call conversion chain. Results are the
	 * same; Spring Cloud Function's function observation is skipped on the direct path.
	 */
	private boolean directInvocation = true;

	/**
	 * Whether a function's Flux result is streamed to the caller item by item as it is produced (Lambda's response
	 * streaming: text and bytes as they are, other items as JSON lines), rather than collected into a JSON array.
	 */
	private boolean responseStreaming;

	private final Priming priming = new Priming();

	private final Events events = new Events();

	private final Shutdown shutdown = new Shutdown();

	public boolean isResponseStreaming() {
		return this.responseStreaming;
	}

	public void setResponseStreaming(boolean responseStreaming) {
		this.responseStreaming = responseStreaming;
	}

	public Priming getPriming() {
		return this.priming;
	}

	public Events getEvents() {
		return this.events;
	}

	public Shutdown getShutdown() {
		return this.shutdown;
	}

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public @Nullable String getApi() {
		return this.api;
	}

	public void setApi(@Nullable String api) {
		this.api = api;
	}

	public @Nullable Integer getWorkers() {
		return this.workers;
	}

	public void setWorkers(@Nullable Integer workers) {
		this.workers = workers;
	}

	public boolean isDirectInvocation() {
		return this.directInvocation;
	}

	public void setDirectInvocation(boolean directInvocation) {
		this.directInvocation = directInvocation;
	}

	/**
	 * How long shutdown waits for in-flight invocations to finish.
	 * @return the grace period
	 * @deprecated in favour of {@code lambda.runtime.shutdown.grace-period}, part of Lambda's shutdown budget
	 */
	@Deprecated(since = "0.1.0", forRemoval = true)
	@DeprecatedConfigurationProperty(replacement = "lambda.runtime.shutdown.grace-period", since = "0.1.0",
			reason = "Part of the shutdown budget now, whose 500 ms the old 5 s default never fitted")
	public Duration getShutdownGracePeriod() {
		return this.shutdown.getGracePeriod();
	}

	@Deprecated(since = "0.1.0", forRemoval = true)
	public void setShutdownGracePeriod(Duration shutdownGracePeriod) {
		this.shutdown.setGracePeriod(shutdownGracePeriod);
	}

	/**
	 * Graceful shutdown on Lambda: the internal extension that makes Lambda send SIGTERM before SIGKILL, and what
	 * SIGTERM does.
	 */
	public static class Shutdown {

		/**
		 * Whether to register an internal extension, so that Lambda sends SIGTERM before ending the environment, and
		 * to close the application context on SIGTERM within the budget.
		 */
		private boolean enabled = true;

		/**
		 * Time from SIGTERM to Lambda's SIGKILL that the shutdown plans for: 500 ms for a runtime with an internal
		 * extension.
		 */
		private Duration budget = Duration.ofMillis(500);

		/**
		 * Part of the budget in-flight invocations may take to finish before the application context closes; on
		 * SIGTERM, those still running then are reported as failed. Also bounds the wait when the context closes
		 * for another reason.
		 */
		private Duration gracePeriod = Duration.ofMillis(150);

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public Duration getBudget() {
			return this.budget;
		}

		public void setBudget(Duration budget) {
			this.budget = budget;
		}

		public Duration getGracePeriod() {
			return this.gracePeriod;
		}

		public void setGracePeriod(Duration gracePeriod) {
			this.gracePeriod = gracePeriod;
		}

	}

	/**
	 * AWS event sources.
	 */
	public static class Events {

		/**
		 * Whether AWS events (API Gateway, ALB, Function URLs, SQS, SNS, Kinesis, DynamoDB Streams, S3, EventBridge)
		 * are unwrapped for plain functions and their answers shaped.
		 */
		private boolean enabled = true;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

	}

	/**
	 * Priming before a SnapStart (CRaC) snapshot.
	 */
	public static class Priming {

		/**
		 * Sample event (JSON, as Lambda would deliver it) the function is invoked with before the snapshot, through
		 * the whole pipeline, so that the restored function starts warm. Without it, nothing is primed.
		 */
		private @Nullable String event;

		/**
		 * How many times the sample event is invoked before the snapshot.
		 */
		private int invocations = 1;

		public @Nullable String getEvent() {
			return this.event;
		}

		public void setEvent(@Nullable String event) {
			this.event = event;
		}

		public int getInvocations() {
			return this.invocations;
		}

		public void setInvocations(int invocations) {
			this.invocations = invocations;
		}

	}

}
