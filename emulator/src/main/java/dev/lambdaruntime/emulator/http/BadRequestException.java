package dev.lambdaruntime.emulator.http;

import java.io.IOException;

/**
 * A request that breaks HTTP/1.1 framing; the connection answers 400 and closes.
 */
final class BadRequestException extends IOException {

	BadRequestException(String message) {
		super(message);
	}

}
