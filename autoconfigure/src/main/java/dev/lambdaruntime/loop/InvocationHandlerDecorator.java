package dev.lambdaruntime.loop;

/**
 * Wraps the handler that serves events, where the runtime loop and the managed runtime's handler take it, to do
 * something around each invocation on its own thread before its answer is sent (such as writing the metrics it
 * recorded). Priming before a SnapStart snapshot calls the handler undecorated.
 */
@FunctionalInterface
public interface InvocationHandlerDecorator {

	/**
	 * Wraps a handler.
	 * @param handler the handler to wrap
	 * @return the handler to serve events with
	 */
	InvocationHandler decorate(InvocationHandler handler);

	/**
	 * Applies decorators in order: the first wraps the handler, the next wraps that, and so on.
	 * @param handler the handler that serves events
	 * @param decorators the decorators, in order
	 * @return the decorated handler, or {@code handler} itself without decorators
	 */
	static InvocationHandler decorate(InvocationHandler handler,
			Iterable<? extends InvocationHandlerDecorator> decorators) {
		InvocationHandler decorated = handler;
		for (InvocationHandlerDecorator decorator : decorators) {
			decorated = decorator.decorate(decorated);
		}
		return decorated;
	}

}
