package dev.lambdaruntime.function;

import java.lang.reflect.Type;
import java.util.Map;

import dev.lambdaruntime.api.ContentTypes;
import dev.lambdaruntime.api.Invocation;
import dev.lambdaruntime.api.LambdaEnvironment;
import dev.lambdaruntime.loop.InvocationHandler;
import dev.lambdaruntime.loop.InvocationResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.cloud.function.context.catalog.FunctionTypeUtils;
import org.springframework.cloud.function.context.catalog.SimpleFunctionRegistry.FunctionInvocationWrapper;
import org.springframework.cloud.function.json.JsonMapper;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;

/**
 * Runs each invocation through a Spring Cloud Function resolved once at start-up: the event becomes a
 * {@code Message<byte[]>} carrying a {@link LambdaContext}, the result becomes the response bytes. The request id in
 * the MDC is not its business: its callers (the loop, the managed runtime's handler, the priming) bracket each call
 * with the application's {@code InvocationScope}.
 */
public final class FunctionInvocationHandler implements InvocationHandler {

	private static final Logger logger = LoggerFactory.getLogger(FunctionInvocationHandler.class);

	private final FunctionInvocationWrapper function;

	private final ResponseConverter responses;

	private final TraceHeaderPublisher traceHeaders;

	private final boolean rawInput;

	private final @Nullable DirectInvoker direct;

	private final EventAdapter eventAdapter;

	private final EventFunction eventFunction;

	/**
	 * A handler for one resolved function.
	 * @param function the function, from {@link FunctionResolver}
	 * @param environment Lambda's environment, for the context
	 * @param jsonMapper Spring Cloud Function's JSON mapper
	 * @param traceHeaders publishes each invocation's trace header
	 */
	public FunctionInvocationHandler(FunctionInvocationWrapper function, LambdaEnvironment environment,
			JsonMapper jsonMapper, TraceHeaderPublisher traceHeaders) {
		this(function, environment, jsonMapper, traceHeaders, EventAdapter.NONE, true);
	}

	/**
	 * A handler for one resolved function that lets an adapter take the events whose shape it knows.
	 * @param function the function, from {@link FunctionResolver}
	 * @param environment Lambda's environment, for the context
	 * @param jsonMapper Spring Cloud Function's JSON mapper
	 * @param traceHeaders publishes each invocation's trace header
	 * @param eventAdapter unwraps known event shapes and shapes their answers
	 * @param directInvocation whether a plain function may be called directly, bypassing Spring Cloud Function's
	 * per-call conversion chain (same results, a fraction of the cost)
	 */
	public FunctionInvocationHandler(FunctionInvocationWrapper function, LambdaEnvironment environment,
			JsonMapper jsonMapper, TraceHeaderPublisher traceHeaders, EventAdapter eventAdapter,
			boolean directInvocation) {
		this(function, environment, jsonMapper, traceHeaders, eventAdapter, directInvocation, false);
	}

	/**
	 * A handler for one resolved function that lets an adapter take the events whose shape it knows, and may stream
	 * a reactive result.
	 * @param function the function, from {@link FunctionResolver}
	 * @param environment Lambda's environment, for the context
	 * @param jsonMapper Spring Cloud Function's JSON mapper
	 * @param traceHeaders publishes each invocation's trace header
	 * @param eventAdapter unwraps known event shapes and shapes their answers
	 * @param directInvocation whether a plain function may be called directly, bypassing Spring Cloud Function's
	 * per-call conversion chain (same results, a fraction of the cost)
	 * @param responseStreaming whether a {@code Flux} result of a plain event is streamed item by item (Lambda's
	 * response streaming) rather than collected into a JSON array
	 */
	public FunctionInvocationHandler(FunctionInvocationWrapper function, LambdaEnvironment environment,
			JsonMapper jsonMapper, TraceHeaderPublisher traceHeaders, EventAdapter eventAdapter,
			boolean directInvocation, boolean responseStreaming) {
		this.function = function;
		this.responses = new ResponseConverter(jsonMapper, responseStreaming ? streamedItemType(function) : null);
		this.traceHeaders = traceHeaders;
		// A function on raw bytes gets the event's bytes as they came, not JSON-decoded.
		this.rawInput = function.getRawInputType() == byte[].class;
		// The adapter may tune the function's conversion first; the direct path then keeps out of its way.
		eventAdapter.prepare(function);
		this.direct = directInvocation ? DirectInvoker.of(function, jsonMapper) : null;
		this.eventAdapter = eventAdapter;
		// AWS event sources take whole answers: only plain events are streamed.
		this.eventFunction = new EventFunction(function, environment, jsonMapper, new ResponseConverter(jsonMapper),
				this.direct);
	}

	/**
	 * The item type a function's {@code Flux} result declares, or {@code null} when it returns no {@code Flux}.
	 */
	private static @Nullable Class<?> streamedItemType(FunctionInvocationWrapper function) {
		Type output = function.getOutputType();
		if (output == null || !FunctionTypeUtils.isFlux(output)) {
			return null;
		}
		return FunctionTypeUtils.getRawType(function.getItemType(output));
	}

	@Override
	public InvocationResponse handle(Invocation invocation) {
		this.traceHeaders.publish(invocation.traceId());
		try {
			if (logger.isDebugEnabled()) {
				logger.debug("Invocation {} of {} with {} bytes", invocation.requestId(),
						this.function.getFunctionDefinition(), invocation.payload().length);
			}
			InvocationResponse response = this.eventAdapter.handle(invocation, this.eventFunction);
			if (response == null && this.direct != null) {
				response = this.direct.invoke(invocation.payload());
			}
			return (response != null) ? response : this.responses.convert(invoke(invocation));
		}
		finally {
			this.traceHeaders.clear();
		}
	}

	private Object invoke(Invocation invocation) {
		if (this.function.isSupplier()) {
			return this.function.get();
		}
		return this.function.apply(message(invocation));
	}

	private Message<Object> message(Invocation invocation) {
		return this.eventFunction.message(invocation, invocation.payload(),
				Map.of(MessageHeaders.CONTENT_TYPE, contentType(invocation)));
	}

	private String contentType(Invocation invocation) {
		if (this.rawInput) {
			return ContentTypes.OCTET_STREAM;
		}
		String contentType = invocation.contentType();
		return (contentType != null) ? contentType : ContentTypes.JSON;
	}

	/**
	 * Whether invocations call the function directly rather than through Spring Cloud Function's conversion chain.
	 * @return {@code true} on the direct path
	 */
	public boolean isDirect() {
		return this.direct != null;
	}

	/**
	 * The definition of the function this handler runs.
	 * @return the function definition
	 */
	public String functionDefinition() {
		return this.function.getFunctionDefinition();
	}

}
