package dev.lambdaruntime.function;

import dev.lambdaruntime.api.Invocation;
import dev.lambdaruntime.loop.InvocationResponse;
import org.jspecify.annotations.Nullable;

/**
 * Takes over the invocations whose event has a shape it knows (an AWS event source, say): unwraps the event for the
 * function and shapes the function's result into the answer that source expects.
 */
public interface EventAdapter {

	/** An adapter that knows no shapes: every event goes to the function as it came. */
	EventAdapter NONE = (invocation, function) -> null;

	/**
	 * Called once, when the runtime resolves the function this adapter will serve, before any event; an adapter that
	 * cannot serve the function says so by throwing, which fails start-up.
	 * @param function the function: its name and declared types
	 * @return whether this adapter writes the function's results itself, so they must reach it as the function
	 * returned them rather than converted to JSON first
	 */
	default boolean prepare(EventFunction function) {
		return false;
	}

	/**
	 * Handles one invocation if its event has a shape this adapter knows.
	 * @param invocation the invocation
	 * @param function the function to run, with the runtime's message headers and response conversion
	 * @return the answer, or {@code null} to let the function take the event as it came
	 */
	@Nullable InvocationResponse handle(Invocation invocation, EventFunction function);

}
