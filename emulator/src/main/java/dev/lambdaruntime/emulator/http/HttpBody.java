package dev.lambdaruntime.emulator.http;

import java.util.Map;

/**
 * A request body as read, with its trailers.
 *
 * @param bytes the body, empty when it was over the limit
 * @param trailers the chunked trailers, case-insensitive, empty when there were none
 * @param tooLarge whether the body was over the limit the handler asked for
 * @param consumed whether the whole body was read, so the connection can carry another request
 */
public record HttpBody(byte[] bytes, Map<String, String> trailers, boolean tooLarge, boolean consumed) {

	static final HttpBody EMPTY = new HttpBody(new byte[0], Map.of(), false, true);

	static HttpBody tooLarge(boolean consumed) {
		return new HttpBody(new byte[0], Map.of(), true, consumed);
	}

}
