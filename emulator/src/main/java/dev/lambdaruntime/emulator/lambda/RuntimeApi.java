package dev.lambdaruntime.emulator.lambda;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicReference;

import dev.lambdaruntime.emulator.Endpoint;
import dev.lambdaruntime.emulator.Fault;
import dev.lambdaruntime.emulator.InvokeRequest;
import dev.lambdaruntime.emulator.RuntimeError;
import dev.lambdaruntime.emulator.http.HttpBody;
import dev.lambdaruntime.emulator.http.HttpExchange;
import dev.lambdaruntime.emulator.http.HttpHandler;
import dev.lambdaruntime.emulator.http.HttpHead;
import dev.lambdaruntime.emulator.http.HttpResponse;
import org.jspecify.annotations.Nullable;

/**
 * Serves the Lambda Runtime API ({@code /2018-06-01/runtime/...}) to the runtime, over the {@link InvocationBroker}.
 */
final class RuntimeApi implements HttpHandler {

	static final String PREFIX = "/2018-06-01";

	/** Lambda's response limit: 6 MiB plus 100 bytes. */
	static final int RESPONSE_LIMIT = 6 * 1024 * 1024 + 100;

	static final String ERROR_TYPE = "Lambda-Runtime-Function-Error-Type";

	static final String ERROR_BODY = "Lambda-Runtime-Function-Error-Body";

	static final String INVOCATION_ID = "Lambda-Runtime-Invocation-Id";

	private static final String INVOCATION = "/runtime/invocation/";

	private static final String RESPONSE_MODE = "Lambda-Runtime-Function-Response-Mode";

	private static final String STREAMING = "streaming";

	private static final String ACCEPTED = "{\"status\":\"OK\"}";

	private final EmulatorSettings settings;

	private final InvocationBroker broker;

	private final RequestRecorder recorder;

	private final FaultPlan faults;

	private final AtomicReference<@Nullable RuntimeError> initError = new AtomicReference<>();

	private final AtomicReference<@Nullable RuntimeError> restoreError = new AtomicReference<>();

	RuntimeApi(EmulatorSettings settings, InvocationBroker broker, RequestRecorder recorder, FaultPlan faults) {
		this.settings = settings;
		this.broker = broker;
		this.recorder = recorder;
		this.faults = faults;
	}

	@Nullable RuntimeError initError() {
		return this.initError.get();
	}

	@Nullable RuntimeError restoreError() {
		return this.restoreError.get();
	}

	@Override
	public @Nullable HttpResponse handle(HttpExchange exchange) throws IOException {
		HttpHead head = exchange.head();
		HttpBody body = exchange.readBody(RESPONSE_LIMIT);
		String path = head.path().substring(PREFIX.length());
		Endpoint endpoint = endpoint(head, path);
		Fault fault = (endpoint != null) ? this.faults.take(endpoint) : null;
		this.recorder.record(head, body, fault, exchange.connection());
		return FaultResponses.answer(fault, endpoint, () -> route(exchange, head, body, path));
	}

	private @Nullable HttpResponse route(HttpExchange exchange, HttpHead head, HttpBody body, String path) {
		return switch (path) {
			case "/runtime/invocation/next" -> get(head, () -> next(exchange));
			case "/runtime/init/error" -> post(head, () -> startupError(head, body, false));
			case "/runtime/restore/next" -> get(head, this::restore);
			case "/runtime/restore/error" -> post(head, () -> startupError(head, body, true));
			default -> invocationAnswer(head, body, path);
		};
	}

	/**
	 * The endpoint a request is for, when its method is right.
	 */
	private static @Nullable Endpoint endpoint(HttpHead head, String path) {
		boolean get = head.method().equals("GET");
		boolean post = head.method().equals("POST");
		switch (path) {
			case "/runtime/invocation/next":
				return get ? Endpoint.NEXT : null;
			case "/runtime/init/error":
				return post ? Endpoint.INIT_ERROR : null;
			case "/runtime/restore/next":
				return get ? Endpoint.RESTORE_NEXT : null;
			case "/runtime/restore/error":
				return post ? Endpoint.RESTORE_ERROR : null;
			default:
				if (!post || !path.startsWith(INVOCATION)) {
					return null;
				}
				if (path.endsWith("/error")) {
					return Endpoint.ERROR;
				}
				if (!path.endsWith("/response")) {
					return null;
				}
				return STREAMING.equalsIgnoreCase(head.header(RESPONSE_MODE)) ? Endpoint.STREAMING_RESPONSE
						: Endpoint.RESPONSE;
		}
	}

	private @Nullable HttpResponse next(HttpExchange exchange) {
		InvocationBroker.Next next;
		try {
			next = this.broker.next(exchange::peerClosed);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return null;
		}
		if (next.refusal() != null) {
			return ApiErrors.invalidState(next.refusal());
		}
		Invocation invocation = next.invocation();
		if (invocation == null) {
			return null;
		}
		InvokeRequest request = invocation.request();
		HttpResponse response = new HttpResponse(200, request.payload()).header("Content-Type", Outcome.JSON)
			.header("Lambda-Runtime-Aws-Request-Id", invocation.requestId())
			.header("Lambda-Runtime-Deadline-Ms", Long.toString(invocation.deadlineMs()))
			.header("Lambda-Runtime-Invoked-Function-Arn", this.settings.functionArn())
			.header("Lambda-Runtime-Trace-Id", invocation.traceId());
		if (request.clientContextJson() != null) {
			response.header("Lambda-Runtime-Client-Context", request.clientContextJson());
		}
		if (request.tenantId() != null) {
			response.header("Lambda-Runtime-Aws-Tenant-Id", request.tenantId());
		}
		if (invocation.invocationId() != null) {
			response.header(INVOCATION_ID, invocation.invocationId());
		}
		return response;
	}

	private HttpResponse restore() {
		if (!this.broker.restore()) {
			return ApiErrors.invalidState(this.settings.snapStart()
					? "/runtime/restore/next is allowed once, before the first /runtime/invocation/next"
					: "/runtime/restore/next is only allowed in SnapStart mode");
		}
		return HttpResponse.empty(200);
	}

	private HttpResponse startupError(HttpHead head, HttpBody body, boolean restore) {
		if (body.tooLarge()) {
			return ApiErrors.runtime(413, "RequestEntityTooLarge", tooLargeMessage());
		}
		RuntimeError error = new RuntimeError(errorType(head.header(ERROR_TYPE)),
				new String(body.bytes(), StandardCharsets.UTF_8));
		if (!this.broker.fail(error, restore)) {
			return ApiErrors.invalidState(restore
					? "/runtime/restore/error is only allowed after /runtime/restore/next and before the first /next"
					: "/runtime/init/error is only allowed before the first /next");
		}
		(restore ? this.restoreError : this.initError).set(error);
		return HttpResponse.json(202, ACCEPTED);
	}

	private HttpResponse invocationAnswer(HttpHead head, HttpBody body, String path) {
		if (!path.startsWith(INVOCATION)) {
			return ApiErrors.notFound(head.path());
		}
		String rest = path.substring(INVOCATION.length());
		int slash = rest.indexOf('/');
		String action = (slash > 0) ? rest.substring(slash + 1) : "";
		if (!action.equals("response") && !action.equals("error")) {
			return ApiErrors.notFound(head.path());
		}
		if (!head.method().equals("POST")) {
			return ApiErrors.methodNotAllowed(head.method(), head.path());
		}
		String requestId = rest.substring(0, slash);
		Outcome outcome = outcome(head, body, action.equals("error"));
		return switch (this.broker.answer(requestId, head.header(INVOCATION_ID), outcome)) {
			case ACCEPTED -> HttpResponse.json(202, ACCEPTED);
			case TOO_LARGE -> ApiErrors.runtime(413, "RequestEntityTooLarge", tooLargeMessage());
			case UNKNOWN_ID -> ApiErrors.runtime(400, "InvalidRequestID", "Invalid request ID: " + requestId);
			case WRONG_INVOCATION_ID -> ApiErrors.runtime(400, "InvalidInvocationID",
					"Missing or wrong " + INVOCATION_ID + " for request " + requestId);
			case ALREADY_ANSWERED -> ApiErrors.invalidState("Invocation " + requestId + " was already answered");
			case TIMED_OUT -> ApiErrors.runtime(410, "InvokeTimeout", "Invocation " + requestId + " timed out");
		};
	}

	private Outcome outcome(HttpHead head, HttpBody body, boolean error) {
		if (body.tooLarge()) {
			return Outcome.failure(Outcome.Kind.TOO_LARGE, "Function.ResponseSizeTooLarge",
					"Response payload size exceeded maximum allowed payload size (" + RESPONSE_LIMIT + " bytes).");
		}
		if (error) {
			return Outcome.functionError(errorType(head.header(ERROR_TYPE)), body.bytes());
		}
		String streamedError = body.trailers().get(ERROR_TYPE);
		if (streamedError != null) {
			return Outcome.functionError(errorType(streamedError), decode(body.trailers().get(ERROR_BODY)));
		}
		return Outcome.response(body.bytes(), head.header("Content-Type"));
	}

	private static byte[] decode(@Nullable String base64) {
		if (base64 == null) {
			return new byte[0];
		}
		try {
			return Base64.getDecoder().decode(base64.strip());
		}
		catch (IllegalArgumentException ex) {
			return new byte[0];
		}
	}

	private static String errorType(@Nullable String header) {
		return (header != null && !header.isBlank()) ? header.strip() : "Runtime.Unknown";
	}

	private static String tooLargeMessage() {
		return "Exceeded maximum allowed payload size (" + RESPONSE_LIMIT + " bytes).";
	}

	private static @Nullable HttpResponse get(HttpHead head, Action action) {
		return head.method().equals("GET") ? action.run() : ApiErrors.methodNotAllowed(head.method(), head.path());
	}

	private static @Nullable HttpResponse post(HttpHead head, Action action) {
		return head.method().equals("POST") ? action.run() : ApiErrors.methodNotAllowed(head.method(), head.path());
	}

	/**
	 * One endpoint's work once the method is checked.
	 */
	@FunctionalInterface
	private interface Action {

		@Nullable HttpResponse run();

	}

}
