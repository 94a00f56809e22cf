package dev.lambdaruntime.emulator.lambda;

import dev.lambdaruntime.emulator.Endpoint;
import dev.lambdaruntime.emulator.Fault;
import dev.lambdaruntime.emulator.http.HttpResponse;
import dev.lambdaruntime.emulator.http.WireFault;

/**
 * Turns an injected {@link Fault} into what the HTTP server sends: an answer in the API's place, or the API's own
 * answer sent badly.
 */
final class FaultResponses {

	static final String ERROR_TYPE = "Emulator.InjectedFault";

	private FaultResponses() {
	}

	/**
	 * The answer to a request the fault keeps from the API.
	 * @param fault a fault that does not {@linkplain Fault#reachesTheApi() reach the API}
	 * @param endpoint where the request arrived
	 * @return the response
	 */
	static HttpResponse instead(Fault fault, Endpoint endpoint) {
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
	static WireFault onTheWire(Fault fault) {
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
