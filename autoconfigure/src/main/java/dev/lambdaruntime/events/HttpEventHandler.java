package dev.lambdaruntime.events;

import dev.lambdaruntime.api.Invocation;
import dev.lambdaruntime.function.EventFunction;
import dev.lambdaruntime.loop.InvocationResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the function on the body of an HTTP event and answers in the event source's response shape: 400 when the
 * body cannot be read as the function's input, 500 when the function throws.
 */
final class HttpEventHandler {

	private static final Logger logger = LoggerFactory.getLogger(HttpEventHandler.class);

	private final InputConverter inputs = new InputConverter();

	private final HttpResponseWriter responses = new HttpResponseWriter();

	InvocationResponse handle(DetectedEvent event, Invocation invocation, EventFunction function) {
		HttpRequest request = HttpRequest.from(event);
		Object input;
		try {
			input = this.inputs.convert(request.body(), function);
		}
		catch (UnreadableInputException ex) {
			logger.info("{} {}: 400, {}", request.method(), request.path(), ex.getMessage());
			return this.responses.error(request, 400, ex.getMessage());
		}
		try {
			return this.responses.write(request, function.apply(invocation, input, request.messageHeaders()),
					function);
		}
		catch (RuntimeException ex) {
			// Answered with a 500, so Lambda sees a success: the log is where the failure shows.
			logger.error("{} {}: 500, the function failed", request.method(), request.path(), ex);
			return this.responses.error(request, 500, "Internal Server Error");
		}
	}

}
