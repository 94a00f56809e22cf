package dev.lambdaruntime.events;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.util.LinkedCaseInsensitiveMap;

/**
 * The HTTP request inside an API Gateway (REST or HTTP API), ALB or Function URL event.
 *
 * @param source where it came from
 * @param method the HTTP method
 * @param path the request path
 * @param headers the request headers, case-insensitive, repeated ones joined by commas
 * @param queryParameters the query string parameters
 * @param pathParameters the route's path parameters
 * @param cookies the cookies (HTTP API and Function URLs)
 * @param requestContext the request context
 * @param multiValueHeaders whether the event used {@code multiValueHeaders}, so the answer must too
 * @param body the body, base64-decoded if it was encoded
 */
record HttpRequest(EventSource source, @Nullable String method, @Nullable String path, Map<String, String> headers,
		Map<String, String> queryParameters, Map<String, String> pathParameters, List<String> cookies,
		JsonNode requestContext, boolean multiValueHeaders, byte[] body) {

	static HttpRequest from(DetectedEvent event) {
		JsonNode json = event.json();
		JsonNode context = json.path("requestContext");
		boolean httpApi = event.source().isHttpApiShape();
		String method = httpApi ? EventJson.text(context.path("http"), "method") : EventJson.text(json, "httpMethod");
		String path = httpApi ? EventJson.text(json, "rawPath") : EventJson.text(json, "path");
		boolean multi = EventJson.has(json, "multiValueHeaders");
		Map<String, String> headers = new LinkedCaseInsensitiveMap<>();
		headers.putAll(EventJson.has(json, "headers") ? EventJson.texts(json.get("headers"))
				: joined(json.get("multiValueHeaders")));
		Map<String, String> query = EventJson.has(json, "queryStringParameters")
				? EventJson.texts(json.get("queryStringParameters"))
				: lastValues(json.get("multiValueQueryStringParameters"));
		if (event.source() == EventSource.ALB) {
			// An ALB passes the query string on as it came, URL-encoded.
			query = decoded(query);
		}
		return new HttpRequest(event.source(), method, path, headers, query,
				EventJson.texts(json.get("pathParameters")), EventJson.list(json.get("cookies")), context, multi,
				body(json));
	}

	private static Map<String, String> joined(@Nullable JsonNode multiValues) {
		if (multiValues == null || !multiValues.isObject()) {
			return Collections.emptyMap();
		}
		Map<String, String> joined = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> property : multiValues.properties()) {
			joined.put(property.getKey(), String.join(",", EventJson.list(property.getValue())));
		}
		return joined;
	}

	private static Map<String, String> lastValues(@Nullable JsonNode multiValues) {
		if (multiValues == null || !multiValues.isObject()) {
			return Collections.emptyMap();
		}
		Map<String, String> last = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> property : multiValues.properties()) {
			List<String> values = EventJson.list(property.getValue());
			if (!values.isEmpty()) {
				last.put(property.getKey(), values.get(values.size() - 1));
			}
		}
		return last;
	}

	private static Map<String, String> decoded(Map<String, String> query) {
		Map<String, String> decoded = new LinkedHashMap<>();
		query.forEach((name, value) -> decoded.put(URLDecoder.decode(name, StandardCharsets.UTF_8),
				URLDecoder.decode(value, StandardCharsets.UTF_8)));
		return decoded;
	}

	private static byte[] body(JsonNode json) {
		String body = EventJson.text(json, "body");
		if (body == null || body.isEmpty()) {
			return new byte[0];
		}
		boolean base64 = json.path("isBase64Encoded").asBoolean(false);
		return base64 ? Base64.getMimeDecoder().decode(body) : body.getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * The message headers that describe this request to the function.
	 * @return the headers
	 */
	Map<String, Object> messageHeaders() {
		Map<String, Object> headers = new HashMap<>(16);
		headers.put(EventHeaders.EVENT_SOURCE, this.source.id());
		putIfPresent(headers, EventHeaders.HTTP_METHOD, this.method);
		putIfPresent(headers, EventHeaders.HTTP_PATH, this.path);
		headers.put(EventHeaders.HTTP_HEADERS, this.headers);
		headers.put(EventHeaders.HTTP_QUERY_PARAMETERS, this.queryParameters);
		headers.put(EventHeaders.HTTP_PATH_PARAMETERS, this.pathParameters);
		headers.put(EventHeaders.HTTP_COOKIES, this.cookies);
		headers.put(EventHeaders.HTTP_REQUEST_CONTEXT, EventJson.map(this.requestContext));
		JsonNode authorizer = this.requestContext.get("authorizer");
		if (authorizer != null && authorizer.isObject()) {
			headers.put(EventHeaders.HTTP_AUTHORIZER, EventJson.map(authorizer));
			JsonNode claims = authorizer.has("jwt") ? authorizer.path("jwt").get("claims") : authorizer.get("claims");
			if (claims != null && claims.isObject()) {
				headers.put(EventHeaders.HTTP_AUTHORIZER_CLAIMS, EventJson.map(claims));
			}
		}
		return headers;
	}

	private static void putIfPresent(Map<String, Object> headers, String name, @Nullable Object value) {
		if (value != null) {
			headers.put(name, value);
		}
	}

}
