package dev.lambdaruntime.sample;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * AWS events for the sample's tests, kept in {@code src/test/resources/events} in the shapes AWS documents.
 */
final class Events {

	private Events() {
	}

	static String load(String name) {
		try (InputStream in = Events.class.getResourceAsStream("/events/" + name)) {
			if (in == null) {
				throw new IllegalArgumentException("No test event " + name);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
