package dev.lambdaruntime.emulator.lambda;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.function.Function;

import dev.lambdaruntime.emulator.InvokeRequest;
import dev.lambdaruntime.emulator.InvokeResult;
import dev.lambdaruntime.emulator.http.HttpBody;
import dev.lambdaruntime.emulator.http.HttpExchange;
import dev.lambdaruntime.emulator.http.HttpHandler;
import dev.lambdaruntime.emulator.http.HttpHead;
import dev.lambdaruntime.emulator.http.HttpResponse;
import org.jspecify.annotations.Nullable;

/**
 * Serves the Invoke API ({@code POST /2015-03-31/functions/{name}/invocations}) the AWS SDK and CLI speak.
 */
final class InvokeApi implements HttpHandler {

	static final String PREFIX = "/2015-03-31/functions/";

	private static final String SUFFIX = "/invocations";

	/** Lambda's synchronous request limit. */
	static final int REQUEST_LIMIT = 6 * 1024 * 1024;

	/** Lambda's asynchronous request limit. */
	static final int EVENT_LIMIT = 1024 * 1024;

	/** Lambda's limit on the base64 client context. */
	static final int CLIENT_CONTEXT_LIMIT = 3583;

	private final EmulatorSettings settings;

	private final Function<InvokeRequest, InvokeResult> invoker;

	InvokeApi(EmulatorSettings settings, Function<InvokeRequest, InvokeResult> invoker) {
		this.settings = settings;
		this.invoker = invoker;
	}

	@Override
	public @Nullable HttpResponse handle(HttpExchange exchange) throws IOException {
		HttpHead head = exchange.head();
		String path = head.path();
		if (!path.endsWith(SUFFIX) || path.length() <= PREFIX.length() + SUFFIX.length()) {
			return ApiErrors.service(404, "UnknownOperationException", "Unknown operation " + path);
		}
		if (!head.method().equals("POST")) {
			return ApiErrors.service(405, "UnknownOperationException", head.method() + " is not allowed on " + path);
		}
		String name = percentDecode(path.substring(PREFIX.length(), path.length() - SUFFIX.length()));
		if (name == null || !isThisFunction(name, qualifier(head.query()))) {
			return ApiErrors.service(404, "ResourceNotFoundException",
					"Function not found: " + this.settings.functionArn() + " (this emulator serves only '"
							+ this.settings.functionName() + "')");
		}
		String type = headerOr(head, "X-Amz-Invocation-Type", InvokeRequest.REQUEST_RESPONSE);
		if (!type.equals(InvokeRequest.REQUEST_RESPONSE) && !type.equals(InvokeRequest.EVENT)
				&& !type.equals(InvokeRequest.DRY_RUN)) {
			return invalidParameter("X-Amz-Invocation-Type must be RequestResponse, Event or DryRun");
		}
		String logType = headerOr(head, "X-Amz-Log-Type", "None");
		if (!logType.equals("Tail") && !logType.equals("None")) {
			return invalidParameter("X-Amz-Log-Type must be Tail or None");
		}
		HttpBody body = exchange.readBody(type.equals(InvokeRequest.EVENT) ? EVENT_LIMIT : REQUEST_LIMIT);
		if (body.tooLarge()) {
			return ApiErrors.service(413, "RequestTooLargeException", "Request must be smaller than "
					+ (type.equals(InvokeRequest.EVENT) ? EVENT_LIMIT : REQUEST_LIMIT) + " bytes for the Invoke API");
		}
		String clientContext = head.header("X-Amz-Client-Context");
		String clientContextJson = null;
		if (clientContext != null) {
			clientContextJson = decodeClientContext(clientContext);
			if (clientContextJson == null) {
				return invalidParameter("X-Amz-Client-Context must be base64 of a JSON object, at most "
						+ CLIENT_CONTEXT_LIMIT + " characters");
			}
		}
		String tenantId = head.header("X-Amz-Tenant-Id");
		if (tenantId != null && (tenantId.isEmpty() || tenantId.length() > 256)) {
			return invalidParameter("X-Amz-Tenant-Id must be 1 to 256 characters");
		}
		InvokeRequest request = new InvokeRequest(body.bytes(), type, logType.equals("Tail"), clientContextJson,
				tenantId);
		InvokeResult result;
		try {
			result = this.invoker.apply(request);
		}
		catch (IllegalStateException ex) {
			return null;
		}
		return toResponse(result, type);
	}

	private static HttpResponse toResponse(InvokeResult result, String type) {
		HttpResponse response = new HttpResponse(result.statusCode(), result.payload())
			.header("X-Amz-Request-Id", result.requestId())
			.header("x-amzn-RequestId", result.requestId());
		if (!type.equals(InvokeRequest.REQUEST_RESPONSE)) {
			return response;
		}
		response.header("X-Amz-Executed-Version", result.executedVersion());
		if (result.contentType() != null) {
			response.header("Content-Type", result.contentType());
		}
		if (result.functionError() != null) {
			response.header("X-Amz-Function-Error", result.functionError());
		}
		if (result.logResult() != null) {
			response.header("X-Amz-Log-Result", result.logResult());
		}
		return response;
	}

	private boolean isThisFunction(String name, @Nullable String qualifier) {
		String unqualified = name;
		String arn = this.settings.functionArn();
		String latest = ":" + EmulatorSettings.VERSION;
		if (name.endsWith(latest) && (name.startsWith("arn:") || name.indexOf(':') == name.lastIndexOf(':'))) {
			unqualified = name.substring(0, name.length() - latest.length());
		}
		boolean matches = unqualified.equals(this.settings.functionName()) || unqualified.equals(arn)
				|| unqualified.equals(EmulatorSettings.ACCOUNT + ":function:" + this.settings.functionName());
		return matches && (qualifier == null || qualifier.equals(EmulatorSettings.VERSION));
	}

	private static @Nullable String qualifier(String query) {
		for (String pair : query.split("&")) {
			if (pair.startsWith("Qualifier=")) {
				String value = percentDecode(pair.substring("Qualifier=".length()));
				return (value != null) ? value : "";
			}
		}
		return null;
	}

	private static @Nullable String decodeClientContext(String base64) {
		if (base64.length() > CLIENT_CONTEXT_LIMIT) {
			return null;
		}
		try {
			String json = new String(Base64.getDecoder().decode(base64.strip()), StandardCharsets.UTF_8)
				.replaceAll("[\\r\\n\\t]", " ")
				.strip();
			boolean object = json.startsWith("{") && json.endsWith("}");
			return (object && !hasControlCharacter(json)) ? json : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static boolean hasControlCharacter(String value) {
		return value.chars().anyMatch((c) -> c < 0x20 || c == 0x7f);
	}

	static @Nullable String percentDecode(String value) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c == '%') {
				if (i + 2 >= value.length()) {
					return null;
				}
				int high = Character.digit(value.charAt(i + 1), 16);
				int low = Character.digit(value.charAt(i + 2), 16);
				if (high < 0 || low < 0) {
					return null;
				}
				bytes.write(high * 16 + low);
				i += 2;
			}
			else {
				bytes.write(c);
			}
		}
		return bytes.toString(StandardCharsets.UTF_8);
	}

	private static String headerOr(HttpHead head, String name, String fallback) {
		String value = head.header(name);
		return (value != null) ? value : fallback;
	}

	private static HttpResponse invalidParameter(String message) {
		return ApiErrors.service(400, "InvalidParameterValueException", message);
	}

}
