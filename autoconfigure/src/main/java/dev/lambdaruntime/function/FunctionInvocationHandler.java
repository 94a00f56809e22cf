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

import org.springframework.cloud.function.context.FunctionCatalog;
import org.springframework.cloud.function.context.catalog.FunctionTypeUtils;
import org.springframework.cloud.function.context.catalog.SimpleFunctionRegistry.FunctionInvocationWrapper;
import org.springframework.cloud.function.json.JsonMapper;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;

/**
 * Runs each invocation through a Spring Cloud Function resolved once at start-up: the event becomes a
 * {@code Message<byte[]>} carrying the invocation's {@code Context}, the result becomes the response bytes. The
 * request id in the MDC is not its business: its callers (the loop, the managed runtime's handler, the priming)
 * bracket each call with the application's {@code InvocationScope}.
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

	private FunctionInvocationHandler(Builder builder, FunctionInvocationWrapper function) {
		this.function = function;
		this.responses = new ResponseConverter(builder.jsonMapper,
				builder.responseStreaming ? streamedItemType(function) : null);
		this.traceHeaders = builder.traceHeaders;
		// A function on raw bytes gets the event's bytes as they came, not JSON-decoded.
		this.rawInput = function.getRawInputType() == byte[].class;
		// AWS event sources take whole answers: only plain events are streamed.
		EventFunction eventFunction = new EventFunction(function, builder.environment, builder.jsonMapper,
				new ResponseConverter(builder.jsonMapper), null);
		// The adapter may take the function's results as they are; the direct path then keeps out of its way.
		if (builder.eventAdapter.prepare(eventFunction)) {
			function.setSkipOutputConversion(true);
		}
		this.direct = builder.directInvocation ? DirectInvoker.of(function, builder.jsonMapper) : null;
		this.eventAdapter = builder.eventAdapter;
		this.eventFunction = eventFunction.withDirect(this.direct);
	}

	/**
	 * Starts a handler for the function the catalog holds under {@code spring.cloud.function.definition} (see
	 * {@link Builder#definition}), called directly where it is plain, with no event adapter, no streaming and an empty
	 * Lambda environment until told otherwise.
	 * @param catalog Spring Cloud Function's catalog
	 * @param jsonMapper Spring Cloud Function's JSON mapper
	 * @return a builder
	 */
	public static Builder builder(FunctionCatalog catalog, JsonMapper jsonMapper) {
		return new Builder(catalog, jsonMapper);
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

	/**
	 * Builds a {@link FunctionInvocationHandler}, one named option at a time; {@link #build()} chooses the function.
	 */
	public static final class Builder {

		private final FunctionCatalog catalog;

		private final JsonMapper jsonMapper;

		private @Nullable String definition;

		private @Nullable String handlerVariable;

		private boolean routing;

		private LambdaEnvironment environment = LambdaEnvironment.from((name) -> null);

		private TraceHeaderPublisher traceHeaders = new TraceHeaderPublisher(1);

		private EventAdapter eventAdapter = EventAdapter.NONE;

		private boolean directInvocation = true;

		private boolean responseStreaming;

		private Builder(FunctionCatalog catalog, JsonMapper jsonMapper) {
			this.catalog = catalog;
			this.jsonMapper = jsonMapper;
		}

		/**
		 * The function to serve: {@code spring.cloud.function.definition}, possibly composed ({@code a|b}). Without
		 * it, a function named by {@code _HANDLER}, else the router with {@link #routing}, else the only function.
		 * @param definition the definition, or {@code null}
		 * @return this builder
		 */
		public Builder definition(@Nullable String definition) {
			this.definition = definition;
			return this;
		}

		/**
		 * {@code _HANDLER}, which names the function when it names one and there is no definition.
		 * @param handlerVariable the variable's value, or {@code null}
		 * @return this builder
		 */
		public Builder handlerVariable(@Nullable String handlerVariable) {
			this.handlerVariable = handlerVariable;
			return this;
		}

		/**
		 * Whether {@code spring.cloud.function.routing-expression} is set, so Spring Cloud Function's router serves.
		 * @param routing whether to route
		 * @return this builder
		 */
		public Builder routing(boolean routing) {
			this.routing = routing;
			return this;
		}

		/**
		 * Lambda's environment, for each invocation's context.
		 * @param environment the environment
		 * @return this builder
		 */
		public Builder environment(LambdaEnvironment environment) {
			this.environment = environment;
			return this;
		}

		/**
		 * What publishes each invocation's trace header.
		 * @param traceHeaders the publisher
		 * @return this builder
		 */
		public Builder traceHeaders(TraceHeaderPublisher traceHeaders) {
			this.traceHeaders = traceHeaders;
			return this;
		}

		/**
		 * What takes the events whose shape it knows.
		 * @param eventAdapter the adapter
		 * @return this builder
		 */
		public Builder eventAdapter(EventAdapter eventAdapter) {
			this.eventAdapter = eventAdapter;
			return this;
		}

		/**
		 * Whether a plain function may be called directly, bypassing Spring Cloud Function's per-call conversion
		 * chain (same results, a fraction of the cost).
		 * @param directInvocation whether to call it directly
		 * @return this builder
		 */
		public Builder directInvocation(boolean directInvocation) {
			this.directInvocation = directInvocation;
			return this;
		}

		/**
		 * Whether a {@code Flux} result of a plain event is streamed item by item (Lambda's response streaming)
		 * rather than collected into a JSON array.
		 * @param responseStreaming whether to stream
		 * @return this builder
		 */
		public Builder responseStreaming(boolean responseStreaming) {
			this.responseStreaming = responseStreaming;
			return this;
		}

		/**
		 * Chooses the function, once, and builds the handler.
		 * @return the handler
		 * @throws FunctionResolutionException when no function fits, naming the functions there are
		 */
		public FunctionInvocationHandler build() {
			FunctionInvocationWrapper function = new FunctionResolver(this.catalog).resolve(this.definition,
					this.handlerVariable, this.routing);
			return new FunctionInvocationHandler(this, function);
		}

	}

}
