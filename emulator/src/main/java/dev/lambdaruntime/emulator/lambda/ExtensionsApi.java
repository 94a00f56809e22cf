package dev.lambdaruntime.emulator.lambda;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.lambdaruntime.emulator.Endpoint;
import dev.lambdaruntime.emulator.Fault;
import dev.lambdaruntime.emulator.http.HttpBody;
import dev.lambdaruntime.emulator.http.HttpExchange;
import dev.lambdaruntime.emulator.http.HttpHead;
import dev.lambdaruntime.emulator.http.HttpResponse;
import dev.lambdaruntime.emulator.http.HttpHandler;
import org.jspecify.annotations.Nullable;

/**
 * Serves the Lambda Extensions API ({@code /2020-01-01/extension/...}) on the Runtime API's port, over
 * {@link Extensions}, with the identifier checks and the error answers Lambda gives, and the faults it is told to
 * inject.
 */
final class ExtensionsApi implements HttpHandler {

	static final String PREFIX = "/2020-01-01/extension";

	static final String NAME = "Lambda-Extension-Name";

	static final String IDENTIFIER = "Lambda-Extension-Identifier";

	static final String ERROR_TYPE = "Lambda-Extension-Function-Error-Type";

	private static final Pattern EVENTS = Pattern.compile("\"events\"\\s*:\\s*(null|\\[([^\\]]*)\\])");

	private static final Pattern EVENT = Pattern.compile("\\s*\"([^\"]*)\"\\s*");

	private static final Pattern UUID_SHAPE = Pattern
		.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

	private static final int BODY_LIMIT = 1024 * 1024;

	private final EmulatorSettings settings;

	private final Extensions extensions;

	private final ExtensionErrors errors;

	private final FaultPlan faults;

	ExtensionsApi(EmulatorSettings settings, Extensions extensions, ExtensionErrors errors, FaultPlan faults) {
		this.settings = settings;
		this.extensions = extensions;
		this.errors = errors;
		this.faults = faults;
	}

	@Override
	public @Nullable HttpResponse handle(HttpExchange exchange) throws IOException {
		HttpHead head = exchange.head();
		HttpBody body = exchange.readBody(BODY_LIMIT);
		String path = head.path().substring(PREFIX.length());
		Endpoint endpoint = endpoint(head.method(), path);
		Fault fault = (endpoint != null) ? this.faults.take(endpoint) : null;
		return FaultResponses.answer(fault, endpoint, () -> route(exchange, head, body, path));
	}

	/**
	 * The endpoint a request is for, when its method is right.
	 */
	private static @Nullable Endpoint endpoint(String method, String path) {
		return switch (path) {
			case "/register" -> method.equals("POST") ? Endpoint.EXTENSION_REGISTER : null;
			case "/event/next" -> method.equals("GET") ? Endpoint.EXTENSION_NEXT : null;
			case "/init/error" -> method.equals("POST") ? Endpoint.EXTENSION_INIT_ERROR : null;
			case "/exit/error" -> method.equals("POST") ? Endpoint.EXTENSION_EXIT_ERROR : null;
			default -> null;
		};
	}

	private @Nullable HttpResponse route(HttpExchange exchange, HttpHead head, HttpBody body, String path) {
		String method = (path.equals("/event/next")) ? "GET" : "POST";
		if (!path.equals("/register") && !path.equals("/event/next") && !path.equals("/init/error")
				&& !path.equals("/exit/error")) {
			return ApiErrors.notFound(head.path());
		}
		if (!head.method().equals(method)) {
			return ApiErrors.methodNotAllowed(head.method(), head.path());
		}
		if (path.equals("/register")) {
			return register(head, body);
		}
		String id = head.header(IDENTIFIER);
		if (id == null || id.isBlank()) {
			return forbidden("Extension.MissingExtensionIdentifier", "Missing " + IDENTIFIER + " header");
		}
		if (!UUID_SHAPE.matcher(id.strip()).matches()) {
			return forbidden("Extension.InvalidExtensionIdentifier", "Invalid " + IDENTIFIER);
		}
		return path.equals("/event/next") ? next(exchange, id.strip()) : error(head, body, id.strip(), path);
	}

	private HttpResponse register(HttpHead head, HttpBody body) {
		String name = head.header(NAME);
		if (name == null || name.isBlank()) {
			return forbidden("Extension.InvalidExtensionName", "Empty extension name");
		}
		List<String> events = events(new String(body.bytes(), StandardCharsets.UTF_8));
		if (events == null) {
			return forbidden("InvalidRequestFormat", "The body must be JSON like {\"events\":[\"INVOKE\"]}");
		}
		Extensions.Registration registration = this.extensions.register(name.strip(), events);
		if (registration.refusal() != null) {
			return forbidden(registration.refusal());
		}
		StringBuilder json = new StringBuilder("{\"functionName\":");
		Json.appendString(json, this.settings.functionName());
		json.append(",\"functionVersion\":");
		Json.appendString(json, EmulatorSettings.VERSION);
		json.append(",\"handler\":");
		Json.appendString(json, (this.settings.handler() != null) ? this.settings.handler() : "");
		String features = head.header("Lambda-Extension-Accept-Feature");
		if (features != null && features.contains("accountId")) {
			json.append(",\"accountId\":");
			Json.appendString(json, EmulatorSettings.ACCOUNT);
		}
		return HttpResponse.json(200, json.append('}').toString()).header(IDENTIFIER, registration.id());
	}

	private @Nullable HttpResponse next(HttpExchange exchange, String id) {
		Extensions.Poll poll;
		try {
			poll = this.extensions.next(id, exchange::peerClosed);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return null;
		}
		if (poll.refusal() != null) {
			return forbidden(poll.refusal());
		}
		if (poll.event() == null) {
			return null;
		}
		return HttpResponse.json(200, poll.event())
			.header(IDENTIFIER, id)
			.header("Lambda-Extension-Event-Identifier", UUID.randomUUID().toString());
	}

	private HttpResponse error(HttpHead head, HttpBody body, String id, String path) {
		String errorType = head.header(ERROR_TYPE);
		if (errorType == null || errorType.isBlank()) {
			return forbidden("Extension.MissingHeader", ERROR_TYPE + " not found");
		}
		boolean init = path.equals("/init/error");
		Extensions.Poll refused = this.extensions.error(id, init);
		if (refused != null) {
			return forbidden(refused.refusal());
		}
		this.errors.reported(id, errorType.strip(), new String(body.bytes(), StandardCharsets.UTF_8), init);
		return HttpResponse.json(202, "{\"status\":\"OK\"}").header(IDENTIFIER, id);
	}

	/**
	 * The events of a register body: {@code {"events":[...]}}, with {@code events} absent or {@code null} for none.
	 * @param body the body
	 * @return the events, or {@code null} when the body is not such an object
	 */
	static @Nullable List<String> events(String body) {
		String json = body.strip();
		if (!json.startsWith("{") || !json.endsWith("}")) {
			return null;
		}
		Matcher matcher = EVENTS.matcher(json);
		if (!matcher.find()) {
			// No events at all is allowed; "events" with anything but an array or null is not.
			return json.contains("\"events\"") ? null : List.of();
		}
		List<String> events = new ArrayList<>();
		if (matcher.group(2) == null || matcher.group(2).isBlank()) {
			return events;
		}
		for (String item : matcher.group(2).split(",", -1)) {
			Matcher event = EVENT.matcher(item);
			if (!event.matches()) {
				return null;
			}
			events.add(event.group(1));
		}
		return events;
	}

	private static HttpResponse forbidden(Extensions.Refusal refusal) {
		return forbidden(refusal.errorType(), refusal.message());
	}

	private static HttpResponse forbidden(String errorType, String message) {
		return ApiErrors.runtime(403, errorType, message);
	}

	/**
	 * Told of each {@code /init/error} and {@code /exit/error} an extension reports.
	 */
	@FunctionalInterface
	interface ExtensionErrors {

		void reported(String id, String errorType, String body, boolean init);

	}

}
