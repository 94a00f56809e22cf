package dev.lambdaruntime.emulator.lambda;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads durations the way people write them on a command line or in an annotation: {@code 500ms}, {@code 30s},
 * {@code 2m}, {@code 1h}, a bare number of seconds, or ISO-8601 ({@code PT30S}).
 */
public final class Durations {

	private static final Pattern SIMPLE = Pattern.compile("(\\d{1,9})(ms|s|m|h)?");

	private Durations() {
	}

	/**
	 * Reads a duration.
	 * @param text for example {@code 500ms}, {@code 30s} or {@code PT1M}
	 * @return the duration
	 * @throws IllegalArgumentException with an example of what works, when the text is none of these
	 */
	public static Duration parse(String text) {
		String value = text.strip();
		Matcher matcher = SIMPLE.matcher(value);
		if (matcher.matches()) {
			long amount = Long.parseLong(matcher.group(1));
			String unit = (matcher.group(2) != null) ? matcher.group(2) : "s";
			return switch (unit) {
				case "ms" -> Duration.ofMillis(amount);
				case "m" -> Duration.ofMinutes(amount);
				case "h" -> Duration.ofHours(amount);
				default -> Duration.ofSeconds(amount);
			};
		}
		try {
			return Duration.parse(value);
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException(
					"Cannot read '" + text + "' as a duration; write for example 500ms, 30s, 2m or PT30S", ex);
		}
	}

}
