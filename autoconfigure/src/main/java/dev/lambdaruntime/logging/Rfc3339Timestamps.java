package dev.lambdaruntime.logging;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Formats epoch milliseconds as RFC 3339 UTC timestamps with milliseconds ({@code 2026-11-26T14:00:00.123Z}), the
 * form Lambda's own JSON logs use; the text up to the second is formatted once per second and reused.
 */
final class Rfc3339Timestamps {

	private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss")
		.withZone(ZoneOffset.UTC);

	private static final String[] MILLIS = new String[1000];

	static {
		for (int i = 0; i < MILLIS.length; i++) {
			MILLIS[i] = String.format(".%03dZ", i);
		}
	}

	private volatile Second last = new Second(Long.MIN_VALUE, "");

	String format(long epochMillis) {
		long epochSecond = Math.floorDiv(epochMillis, 1000L);
		Second second = this.last;
		if (second.epochSecond() != epochSecond) {
			second = new Second(epochSecond, SECONDS.format(Instant.ofEpochSecond(epochSecond)));
			this.last = second;
		}
		return second.text().concat(MILLIS[(int) Math.floorMod(epochMillis, 1000L)]);
	}

	private record Second(long epochSecond, String text) {
	}

}
