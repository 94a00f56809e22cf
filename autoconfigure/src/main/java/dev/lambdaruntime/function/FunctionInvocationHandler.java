package dev.lambdaruntime.function;

import java.util.HashMap;
import java.util.Map;

import dev.lambdaruntime.api.Invocation;
import dev.lambdaruntime.api.LambdaEnvironment;
import dev.lambdaruntime.loop.InvocationHandler;
import dev.lambdaruntime.loop.InvocationResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.cloud.function.context.catalog.SimpleFunctionRegistry.FunctionInvocationWrapper;
import org.springframework.cloud.function.json.JsonMapper;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.support.GenericMessage;

/**
 * Runs each invocation through a Spring Cloud Function resolved once at start-up: the event becomes a
 * {@code Message<byte[]>} carrying a {@link LambdaContext}, the result becomes the response bytes.
 */
public final class FunctionInvocationHandler implements InvocationHandler {

	/** The MDC key AWS's Java libraries use for the request id. */
	public static final String REQUEST_ID_MDC_KEY = "AWSRequestId";

	private static final Logger logger = LoggerFactory.getLogger(FunctionInvocationHandler.class);

	private static final String JSON_CONTENT_TYPE = "application/json";

	private static final String RAW_CONTENT_TYPE = "application/octet-stream";

	private final FunctionInvocationWrapper function;

	private final LambdaEnvironment environment;

	private final JsonMapper jsonMapper;

	private final ResponseConverter responses;

	private final TraceHeaderPublisher traceHeaders;

	private final boolean rawInput;

	private final @Nullable DirectInvoker direct;

	/**
	 * A handler for one resolved function.
	 * @param function the function, from {@link FunctionResolver}
	 * @param environment Lambda's environment, for the context
	 * @param jsonMapper Spring Cloud Function's JSON mapper
	 * @param traceHeaders publishes each invocation's trace header
	 */
	public FunctionInvocationHandler(FunctionInvocationWrapper function, LambdaEnvironment environment,
			JsonMapper jsonMapper, TraceHeaderPublisher traceHeaders) {
		this(function, environment, jsonMapper, traceHeaders, true);
	}

	/**
	 * A handler for one resolved function.
	 * @param function the function, from {@link FunctionResolver}
	 * @param environment Lambda's environment, for the context
	 * @param jsonMapper Spring Cloud Function's JSON mapper
	 * @param traceHeaders publishes each invocation's trace header
	 * @param directInvocation whether a plain function may be called directly, bypassing Spring Cloud Function's
	 * per-call conversion chain (same results, a fraction of the cost)
	 */
	public FunctionInvocationHandler(FunctionInvocationWrapper function, LambdaEnvironment environment,
			JsonMapper jsonMapper, TraceHeaderPublisher traceHeaders, boolean directInvocation) {
		this.function = function;
		this.environment = environment;
		this.jsonMapper = jsonMapper;
		this.responses = new ResponseConverter(jsonMapper);
		this.traceHeaders = traceHeaders;
		// A function on raw bytes gets the event's bytes as they came, not JSON-decoded.
		this.rawInput = function.getRawInputType() == byte[].class;
		this.direct = directInvocation ? DirectInvoker.of(function, jsonMapper) : null;
	}

	@Override
	public InvocationResponse handle(Invocation invocation) {
		// The runtime loop may have put it already, for its own lines about this invocation; then it clears it too.
		boolean putRequestId = !invocation.requestId().equals(MDC.get(REQUEST_ID_MDC_KEY));
		if (putRequestId) {
			MDC.put(REQUEST_ID_MDC_KEY, invocation.requestId());
		}
		this.traceHeaders.publish(invocation.traceId());
		try {
			if (logger.isDebugEnabled()) {
				logger.debug("Invocation {} of {} with {} bytes", invocation.requestId(),
						this.function.getFunctionDefinition(), invocation.payload().length);
			}
			InvocationResponse response = (this.direct != null) ? this.direct.invoke(invocation.payload()) : null;
			return (response != null) ? response : this.responses.convert(invoke(invocation));
		}
		finally {
			this.traceHeaders.clear();
			if (putRequestId) {
				MDC.remove(REQUEST_ID_MDC_KEY);
			}
		}
	}

	private Object invoke(Invocation invocation) {
		if (this.function.isSupplier()) {
			return this.function.get();
		}
		return this.function.apply(message(invocation));
	}

	private Message<byte[]> message(Invocation invocation) {
		Map<String, Object> headers = new HashMap<>(16);
		headers.put(MessageHeaders.CONTENT_TYPE, contentType(invocation));
		headers.put(LambdaHeaders.CONTEXT, new LambdaContext(invocation, this.environment, this.jsonMapper));
		headers.put(LambdaHeaders.REQUEST_ID, invocation.requestId());
		headers.put(LambdaHeaders.DEADLINE_MS, invocation.deadlineMs());
		putIfPresent(headers, LambdaHeaders.INVOKED_FUNCTION_ARN, invocation.invokedFunctionArn());
		putIfPresent(headers, LambdaHeaders.TRACE_ID, invocation.traceId());
		putIfPresent(headers, LambdaHeaders.TENANT_ID, invocation.tenantId());
		return new GenericMessage<>(invocation.payload(), headers);
	}

	private String contentType(Invocation invocation) {
		if (this.rawInput) {
			return RAW_CONTENT_TYPE;
		}
		String contentType = invocation.contentType();
		return (contentType != null) ? contentType : JSON_CONTENT_TYPE;
	}

	private static void putIfPresent(Map<String, Object> headers, String name, @Nullable Object value) {
		if (value != null) {
			headers.put(name, value);
		}
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
