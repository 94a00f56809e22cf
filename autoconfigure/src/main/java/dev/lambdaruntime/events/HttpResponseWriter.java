package dev.lambdaruntime.events;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.lambdaruntime.api.ContentTypes;
import dev.lambdaruntime.function.EventFunction;
import dev.lambdaruntime.loop.InvocationResponse;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.messaging.Message;
import org.springframework.util.LinkedCaseInsensitiveMap;

/**
 * Shapes a function's result into the response its HTTP event source expects: API Gateway's proxy response (REST,
 * HTTP API), an ALB response or a Function URL response.
 */
final class HttpResponseWriter {

	private static final String CONTENT_TYPE = "Content-Type";

	private static final String SET_COOKIE = "Set-Cookie";

	InvocationResponse write(HttpRequest request, @Nullable Object result, EventFunction function) {
		if (result != null && AwsEventTypes.isAwsType(function.outputType())) {
			// The function built the AWS response itself.
			Object response = (result instanceof Message<?> message) ? message.getPayload() : result;
			return new InvocationResponse(AwsEventTypes.write(response), ContentTypes.JSON);
		}
		int status = 200;
		Map<String, List<String>> headers = new LinkedCaseInsensitiveMap<>();
		if (result instanceof Message<?> message) {
			status = statusCode(message.getHeaders().get(EventHeaders.HTTP_STATUS_CODE));
			addHeaders(headers, message.getHeaders().get(EventHeaders.HTTP_RESPONSE_HEADERS));
		}
		if (result == null) {
			return response(request, status, headers, new byte[0], null);
		}
		InvocationResponse body = function.respond(result);
		String contentType = (function.outputType() == byte[].class && !function.isOutputMessage())
				? ContentTypes.OCTET_STREAM : body.contentType();
		return response(request, status, headers, body.body(),
				(contentType != null) ? contentType : ContentTypes.JSON);
	}

	InvocationResponse error(HttpRequest request, int status, String message) {
		ObjectNode body = EventJson.MAPPER.createObjectNode().put("message", message);
		return response(request, status, new LinkedCaseInsensitiveMap<>(), EventJson.bytes(body),
				ContentTypes.JSON);
	}

	private InvocationResponse response(HttpRequest request, int status, Map<String, List<String>> headers,
			byte[] body, @Nullable String contentType) {
		if (contentType != null && body.length > 0 && !headers.containsKey(CONTENT_TYPE)) {
			headers.put(CONTENT_TYPE, List.of(contentType));
		}
		ObjectNode response = EventJson.MAPPER.createObjectNode().put("statusCode", status);
		if (request.source() == EventSource.ALB) {
			response.put("statusDescription", statusDescription(status));
		}
		List<String> cookies = request.source().isHttpApiShape() ? headers.remove(SET_COOKIE) : null;
		if (request.multiValueHeaders()) {
			ObjectNode multiValueHeaders = response.putObject("multiValueHeaders");
			headers.forEach((name, values) -> values.forEach(multiValueHeaders.putArray(name)::add));
		}
		else {
			ObjectNode singleValueHeaders = response.putObject("headers");
			// Only HTTP API joins repeated values; REST and ALB would take a joined Set-Cookie as one cookie.
			headers.forEach((name, values) -> singleValueHeaders.put(name,
					request.source().isHttpApiShape() ? String.join(",", values) : values.get(values.size() - 1)));
		}
		if (cookies != null) {
			ArrayNode array = response.putArray("cookies");
			cookies.forEach(array::add);
		}
		boolean text = contentType == null || isText(contentType);
		response.put("body",
				text ? new String(body, StandardCharsets.UTF_8) : Base64.getEncoder().encodeToString(body));
		response.put("isBase64Encoded", !text);
		return new InvocationResponse(EventJson.bytes(response), ContentTypes.JSON);
	}

	private static int statusCode(@Nullable Object value) {
		if (value == null) {
			return 200;
		}
		if (value instanceof HttpStatusCode status) {
			return status.value();
		}
		if (value instanceof Number number) {
			return number.intValue();
		}
		try {
			return Integer.parseInt(value.toString().trim());
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("Header " + EventHeaders.HTTP_STATUS_CODE + " is not a status code: "
					+ value, ex);
		}
	}

	private static void addHeaders(Map<String, List<String>> headers, @Nullable Object value) {
		if (!(value instanceof Map<?, ?> map)) {
			return;
		}
		map.forEach((name, values) -> {
			List<String> list = headers.computeIfAbsent(String.valueOf(name), (key) -> new ArrayList<>());
			if (values instanceof Collection<?> collection) {
				collection.forEach((item) -> list.add(String.valueOf(item)));
			}
			else if (values != null) {
				list.add(values.toString());
			}
		});
	}

	private static String statusDescription(int status) {
		HttpStatus known = HttpStatus.resolve(status);
		return (known != null) ? status + " " + known.getReasonPhrase() : String.valueOf(status);
	}

	static boolean isText(String contentType) {
		String type = contentType.toLowerCase(Locale.ROOT);
		return type.startsWith("text/") || type.startsWith(ContentTypes.JSON) || type.contains("+json")
				|| type.contains("xml") || type.startsWith("application/javascript")
				|| type.startsWith("application/x-www-form-urlencoded");
	}

}
