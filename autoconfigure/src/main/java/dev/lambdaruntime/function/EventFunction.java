package dev.lambdaruntime.function;

import java.lang.reflect.Type;
import java.util.HashMap;
import java.util.Map;

import dev.lambdaruntime.api.ContentTypes;
import dev.lambdaruntime.api.Invocation;
import dev.lambdaruntime.api.LambdaEnvironment;
import dev.lambdaruntime.loop.InvocationResponse;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.cloud.function.context.catalog.SimpleFunctionRegistry.FunctionInvocationWrapper;
import org.springframework.cloud.function.json.JsonMapper;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.support.GenericMessage;

/**
 * The resolved function as an {@link EventAdapter} sees it: its declared types, and a call that builds the runtime's
 * message (with the invocation's {@code Context} and the {@link LambdaHeaders}) around a payload the adapter chose.
 */
public final class EventFunction {

	private final FunctionInvocationWrapper function;

	private final LambdaEnvironment environment;

	private final JsonMapper jsonMapper;

	private final ResponseConverter responses;

	private final Type inputType;

	private final Type outputType;

	private final @Nullable DirectInvoker direct;

	EventFunction(FunctionInvocationWrapper function, LambdaEnvironment environment, JsonMapper jsonMapper,
			ResponseConverter responses, @Nullable DirectInvoker direct) {
		this.function = function;
		this.environment = environment;
		this.jsonMapper = jsonMapper;
		this.responses = responses;
		this.inputType = itemType(function, function.getInputType());
		this.outputType = itemType(function, function.getOutputType());
		this.direct = direct;
	}

	/**
	 * The same function, called directly where the direct path takes the input.
	 */
	EventFunction withDirect(@Nullable DirectInvoker direct) {
		return new EventFunction(this.function, this.environment, this.jsonMapper, this.responses, direct);
	}

	private static Type itemType(FunctionInvocationWrapper function, @Nullable Type type) {
		return (type != null) ? function.getItemType(type) : Void.class;
	}

	/**
	 * The function's definition, as Spring Cloud Function names it.
	 * @return such as {@code greet} or {@code uppercase|greet}
	 */
	public String definition() {
		return this.function.getFunctionDefinition();
	}

	/**
	 * The type of the function's input, unwrapped from {@code Message} and {@code Publisher}.
	 * @return the input type, {@code Void} for a supplier
	 */
	public Type inputType() {
		return this.inputType;
	}

	/**
	 * The type of the function's output, unwrapped from {@code Message} and {@code Publisher}.
	 * @return the output type, {@code Void} for a consumer
	 */
	public Type outputType() {
		return this.outputType;
	}

	/**
	 * Whether the function declares a {@code Message} as its output.
	 * @return whether the output is a message
	 */
	public boolean isOutputMessage() {
		return this.function.isOutputTypeMessage();
	}

	/**
	 * Whether the function takes no input.
	 * @return whether it is a supplier
	 */
	public boolean isSupplier() {
		return this.function.isSupplier();
	}

	/**
	 * Whether the function gives no output.
	 * @return whether it is a consumer
	 */
	public boolean isConsumer() {
		return this.function.isConsumer();
	}

	/**
	 * Spring Cloud Function's JSON mapper, for payloads the adapter converts itself.
	 * @return the mapper
	 */
	public JsonMapper jsonMapper() {
		return this.jsonMapper;
	}

	/**
	 * Runs the function on one payload, awaiting a {@code Mono} result.
	 * @param invocation the invocation, for the context and the runtime's headers
	 * @param payload the payload, already of the function's input type (or bytes for Spring Cloud Function to
	 * convert)
	 * @param headers headers the adapter adds, such as the event's HTTP method
	 * @return the result: usually a {@code Message} of JSON bytes, {@code null} for a consumer
	 */
	public @Nullable Object apply(Invocation invocation, Object payload, Map<String, Object> headers) {
		if (this.function.isSupplier()) {
			return await(this.function.get());
		}
		if (this.direct != null && this.direct.acceptsConverted(payload)) {
			// A plain function on an input already of its type: no per-call conversion chain.
			return this.direct.applyConverted(payload);
		}
		if (payload instanceof byte[] && this.inputType == byte[].class) {
			// Raw bytes for a function on bytes, not JSON for Spring Cloud Function to decode.
			headers = new HashMap<>(headers);
			headers.putIfAbsent(MessageHeaders.CONTENT_TYPE, ContentTypes.OCTET_STREAM);
		}
		return await(this.function.apply(message(invocation, payload, headers)));
	}

	/**
	 * Converts a result into the bytes the runtime answers with, as for an event no adapter took.
	 * @param result the result of {@link #apply}
	 * @return the response
	 */
	public InvocationResponse respond(@Nullable Object result) {
		return this.responses.convert(result);
	}

	Message<Object> message(Invocation invocation, Object payload, Map<String, Object> extraHeaders) {
		Map<String, Object> headers = new HashMap<>(16 + extraHeaders.size());
		headers.putAll(extraHeaders);
		headers.put(MessageHeaders.CONTENT_TYPE, contentType(invocation, headers));
		headers.put(LambdaHeaders.CONTEXT, new LambdaContext(invocation, this.environment, this.jsonMapper));
		headers.put(LambdaHeaders.REQUEST_ID, invocation.requestId());
		headers.put(LambdaHeaders.DEADLINE_MS, invocation.deadlineMs());
		putIfPresent(headers, LambdaHeaders.INVOKED_FUNCTION_ARN, invocation.invokedFunctionArn());
		putIfPresent(headers, LambdaHeaders.TRACE_ID, invocation.traceId());
		putIfPresent(headers, LambdaHeaders.TENANT_ID, invocation.tenantId());
		return new GenericMessage<>(payload, headers);
	}

	private static Object contentType(Invocation invocation, Map<String, Object> headers) {
		Object contentType = headers.get(MessageHeaders.CONTENT_TYPE);
		if (contentType == null) {
			contentType = invocation.contentType();
		}
		return (contentType != null) ? contentType : ContentTypes.JSON;
	}

	private static void putIfPresent(Map<String, Object> headers, String name, @Nullable Object value) {
		if (value != null) {
			headers.put(name, value);
		}
	}

	private static @Nullable Object await(@Nullable Object result) {
		return (result instanceof Mono<?> mono) ? mono.block() : result;
	}

}
