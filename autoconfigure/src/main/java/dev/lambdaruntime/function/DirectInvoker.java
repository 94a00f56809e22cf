package dev.lambdaruntime.function;

import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import dev.lambdaruntime.api.ContentTypes;
import dev.lambdaruntime.loop.InvocationResponse;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.ObjectReader;

import org.springframework.cloud.function.context.catalog.SimpleFunctionRegistry.FunctionInvocationWrapper;
import org.springframework.cloud.function.json.JacksonMapper;
import org.springframework.cloud.function.json.JsonMapper;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.support.GenericMessage;

/**
 * Calls a plain function bean directly, with its JSON conversion resolved once, instead of through Spring Cloud
 * Function's per-call conversion chain; it gives the same bytes for the shapes it accepts (see {@link #of}).
 */
final class DirectInvoker {

	private final Object target;

	private final Type inputType;

	private final Class<?> rawInputType;

	private final JsonMapper jsonMapper;

	private final boolean collectionInput;

	private final @Nullable ObjectMapper objectMapper;

	private final @Nullable ObjectReader inputReader;

	private DirectInvoker(Object target, Type inputType, Class<?> rawInputType, @Nullable Class<?> rawOutputType,
			JsonMapper jsonMapper) {
		this.target = target;
		this.inputType = inputType;
		this.rawInputType = rawInputType;
		this.jsonMapper = jsonMapper;
		this.objectMapper = (jsonMapper instanceof JacksonMapper jackson) ? jackson.getObjectMapper() : null;
		// Resolved once: Jackson builds the (de)serializers now, at start-up, not on the first event.
		this.inputReader = (this.objectMapper != null && needsJson(rawInputType))
				? this.objectMapper.readerFor(this.objectMapper.constructType(inputType)) : null;
		if (this.objectMapper != null && rawOutputType != null && needsJson(rawOutputType)) {
			this.objectMapper.writerFor(rawOutputType);
		}
		this.collectionInput = rawInputType.isArray() || Collection.class.isAssignableFrom(rawInputType)
				|| rawInputType == Void.class;
	}

	/**
	 * A direct invoker for a single, plain {@code Function}, {@code Consumer} or {@code Supplier} bean on POJOs,
	 * text or bytes; {@code null} for everything else (composition, routing, messages, reactive types), which keeps
	 * Spring Cloud Function's full path.
	 * @param function the resolved function
	 * @param jsonMapper Spring Cloud Function's JSON mapper, so conversion matches its own
	 * @return the invoker, or {@code null}
	 */
	static @Nullable DirectInvoker of(FunctionInvocationWrapper function, JsonMapper jsonMapper) {
		Object target = function.getTarget();
		boolean plain = target instanceof Function || target instanceof Consumer || target instanceof Supplier;
		if (!plain || function.isSkipInputConversion() || function.isSkipOutputConversion() || function.isComposed()
				|| function.isRoutingFunction() || function.isInputTypePublisher()
				|| function.isOutputTypePublisher() || function.isInputTypeMessage() || function.isOutputTypeMessage()) {
			return null;
		}
		if (function.isSupplier()) {
			return isPlainOutput(function.getRawOutputType()) ? new DirectInvoker(target, Void.class, Void.class,
					function.getRawOutputType(), jsonMapper) : null;
		}
		Class<?> rawInput = function.getRawInputType();
		if (!isPlainInput(rawInput) || (function.isFunction() && !isPlainOutput(function.getRawOutputType()))) {
			return null;
		}
		return new DirectInvoker(target, function.getInputType(), rawInput,
				function.isFunction() ? function.getRawOutputType() : null, jsonMapper);
	}

	private static boolean isPlainInput(@Nullable Class<?> type) {
		return type != null && type != Object.class && !Message.class.isAssignableFrom(type)
				&& !type.getName().startsWith("reactor.") && !type.getName().startsWith("org.reactivestreams.");
	}

	private static boolean needsJson(Class<?> type) {
		return type != byte[].class && type != String.class && type != Void.class && type != void.class
				&& !type.isInterface() && type != Object.class;
	}

	private static boolean isPlainOutput(@Nullable Class<?> type) {
		return isPlainInput(type) || type == Void.class || type == void.class;
	}

	/**
	 * Invokes the function.
	 * @param payload the event
	 * @return the response, or {@code null} when Spring Cloud Function must take this event (a JSON array given to a
	 * function on single items, which it applies to each item)
	 */
	@SuppressWarnings("unchecked")
	@Nullable InvocationResponse invoke(byte[] payload) {
		if ((!this.collectionInput && isJsonArray(payload))
				|| (this.rawInputType == String.class && isJsonNull(payload))) {
			return null;
		}
		if (this.target instanceof Supplier<?> supplier && !(this.target instanceof Function)) {
			return response(supplier.get());
		}
		Object input = input(payload);
		if (this.target instanceof Function<?, ?> function) {
			return response(((Function<Object, Object>) function).apply(input));
		}
		((Consumer<Object>) this.target).accept(input);
		return InvocationResponse.EMPTY;
	}

	private static boolean isJsonArray(byte[] payload) {
		int start = firstNonBlank(payload);
		return start < payload.length && payload[start] == '[';
	}

	private static boolean isJsonNull(byte[] payload) {
		int start = firstNonBlank(payload);
		int end = payload.length;
		while (end > start && isBlank(payload[end - 1])) {
			end--;
		}
		return end - start == 4 && payload[start] == 'n' && payload[start + 1] == 'u' && payload[start + 2] == 'l'
				&& payload[start + 3] == 'l';
	}

	private static int firstNonBlank(byte[] payload) {
		int i = 0;
		while (i < payload.length && isBlank(payload[i])) {
			i++;
		}
		return i;
	}

	private static boolean isBlank(byte b) {
		return b == ' ' || b == '\t' || b == '\r' || b == '\n';
	}

	/**
	 * Text as Spring Cloud Function gives it: one quoted word or phrase without inner quotes loses its quotes
	 * (and the blanks around them); anything else comes as it is.
	 */
	private static String text(byte[] payload) {
		String text = new String(payload, StandardCharsets.UTF_8);
		String trimmed = text.strip();
		int last = trimmed.length() - 1;
		if (last >= 1 && trimmed.charAt(0) == '"' && trimmed.charAt(last) == '"'
				&& trimmed.indexOf('"', 1) == last) {
			return trimmed.substring(1, last);
		}
		return text;
	}

	/**
	 * Applies the function to an input an event adapter already converted to the function's input type, answering as
	 * Spring Cloud Function does: a message of JSON bytes, or {@code null} when there is nothing to answer.
	 * @param input the converted input
	 * @return the result message, or {@code null}
	 */
	@SuppressWarnings("unchecked")
	@Nullable Message<byte[]> applyConverted(Object input) {
		if (this.target instanceof Function<?, ?> function) {
			Object output = ((Function<Object, Object>) function).apply(input);
			if (output == null) {
				return null;
			}
			InvocationResponse response = response(output);
			return new GenericMessage<>(response.body(), Map.of(MessageHeaders.CONTENT_TYPE, ContentTypes.JSON));
		}
		((Consumer<Object>) this.target).accept(input);
		return null;
	}

	/**
	 * Whether {@link #applyConverted} may take this input: the function takes it as it is, with no conversion left.
	 * @param input the input an adapter chose
	 * @return {@code true} when the direct call gives what Spring Cloud Function would
	 */
	boolean acceptsConverted(Object input) {
		return !(this.target instanceof Supplier<?> && !(this.target instanceof Function))
				&& this.rawInputType.isInstance(input) && (!(input instanceof String) || this.rawInputType == String.class)
				&& !(input instanceof Collection<?> && !this.collectionInput);
	}

	private Object input(byte[] payload) {
		if (this.rawInputType == byte[].class) {
			return payload;
		}
		if (this.rawInputType == String.class) {
			return text(payload);
		}
		if (this.inputReader == null) {
			return this.jsonMapper.fromJson(payload, this.inputType);
		}
		try {
			return this.inputReader.readValue(payload);
		}
		catch (JacksonException ex) {
			// Worded as Spring Cloud Function words it, so both paths fail alike.
			throw new IllegalStateException("Failed to convert JSON to " + this.inputType + ": " + ex.getMessage(),
					ex);
		}
	}

	private InvocationResponse response(@Nullable Object output) {
		if (output == null) {
			return InvocationResponse.EMPTY;
		}
		if (output instanceof byte[] bytes) {
			return new InvocationResponse(bytes, ContentTypes.JSON);
		}
		if (output instanceof String text && JsonMapper.isJsonString(text)) {
			return new InvocationResponse(text.getBytes(StandardCharsets.UTF_8), ContentTypes.JSON);
		}
		byte[] json = (this.objectMapper != null) ? this.objectMapper.writeValueAsBytes(output)
				: this.jsonMapper.toJson(output);
		return new InvocationResponse(json, ContentTypes.JSON);
	}

}
