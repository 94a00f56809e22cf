package dev.lambdaruntime.metrics;

import dev.lambdaruntime.loop.InvocationHandler;
import dev.lambdaruntime.loop.InvocationHandlerDecorator;

/**
 * Makes the handler that serves events write what each invocation recorded in a {@link LambdaMeterRegistry} at its
 * end, before its answer is sent.
 */
public final class MetricsPublishingDecorator implements InvocationHandlerDecorator {

	private final LambdaMeterRegistry registry;

	/**
	 * A decorator for a registry.
	 * @param registry the registry the function records in
	 */
	public MetricsPublishingDecorator(LambdaMeterRegistry registry) {
		this.registry = registry;
	}

	@Override
	public InvocationHandler decorate(InvocationHandler handler) {
		return new PublishingInvocationHandler(this.registry, handler);
	}

}
