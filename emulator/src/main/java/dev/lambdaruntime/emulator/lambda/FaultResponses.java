package dev.lambdaruntime.emulator.lambda;

import java.util.function.Supplier;

import dev.lambdaruntime.emulator.Endpoint;
import dev.lambdaruntime.emulator.Fault;
import dev.lambdaruntime.emulator.http.HttpResponse;
import dev.lambdaruntime.emulator.http.WireFault;
import org.jspecify.annotations.Nullable;

/**
 * Turns an injected {@link Fault} into what the HTTP server sends: an answer in the API's place, or the API's own
 * answer sent badly.
 */
final class FaultResponses {

	static final String ERROR_TYPE = "Emulator.InjectedFault";

	private FaultResponses() {
	}

	/**
	 * Answers a request as the fault says: the API's own answer when there is no fault, an answer in the API's
	 * place when the fault keeps the request from it, else the API's answer sent badly.
	 * @param fault the fault drawn for the request, or {@code null}
	 * @param endpoint where the request arrived, when the fault is not {@code null}
	 * @param api handles the request
	 * @return the response, or {@code null} when there is none to send
	 */
	static @Nullable HttpResponse answer(@Nullable Fault fault, @Nullable Endpoint endpoint,
			Supplier<@Nullable HttpResponse> api) {
		if (fault == null || endpoint == null) {
			return api.get();
		}
		if (!fault.reachesTheApi()) {
			return instead(fault, endpoint);
		}
		HttpResponse response = api.get();
		return (response != null) ? response.sentWith(onTheWire(fault)) : null;
	}

	/**
	 * The answer to a request the fault keeps from the API.
	 * @param fault a fault that does not {@linkplain Fault#reachesTheApi() reach the API}
	 * @param endpoint where the request arrived
	 * @return the response
	 */
	private static HttpResponse instead(Fault fault, Endpoint endpoint) {
		return switch (fault.kind()) {
			case STATUS -> ApiErrors.runtime(fault.status(), ERROR_TYPE,
					"Fault injected by the Lambda emulator: " + fault + " on " + endpoint.cliName());
			case RESET_CONNECTION -> HttpResponse.empty(500).sentWith(WireFault.reset());
			default -> HttpResponse.empty(500).sentWith(WireFault.close());
		};
	}

	/**
	 * How to send the API's answer.
	 * @param fault a fault that {@linkplain Fault#reachesTheApi() reaches the API}
	 * @return the way to send it
	 */
	private static WireFault onTheWire(Fault fault) {
		return switch (fault.kind()) {
			case DROP_RESPONSE -> WireFault.close();
			case CLOSE_AFTER_RESPONSE -> WireFault.closeAfter();
			case STALL -> WireFault.stall(fault.pause());
			case TRICKLE -> WireFault.trickle(fault.bytes(), fault.pause());
			case TRUNCATED_BODY -> WireFault.truncate();
			case MALFORMED_STATUS_LINE -> WireFault.malformedStatusLine();
			case MALFORMED_HEADERS -> WireFault.malformedHeaders();
			case OVERSIZED_HEADERS -> WireFault.oversizedHeaders();
			case WRONG_CONTENT_LENGTH -> WireFault.wrongContentLength();
			case BROKEN_CHUNKING -> WireFault.brokenChunking();
			case DROP_REQUEST, RESET_CONNECTION, STATUS -> throw new IllegalArgumentException(
					fault + " keeps the request from the API");
		};
	}

}
