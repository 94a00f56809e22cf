package dev.lambdaruntime.metrics;

import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * CloudWatch's unit for a Micrometer base unit.
 */
final class EmfUnit {

	static final String COUNT = "Count";

	static final String NONE = "None";

	static final String MILLISECONDS = "Milliseconds";

	private static final Map<String, String> UNITS = Map.ofEntries(Map.entry("bytes", "Bytes"),
			Map.entry("kilobytes", "Kilobytes"), Map.entry("megabytes", "Megabytes"),
			Map.entry("gigabytes", "Gigabytes"), Map.entry("terabytes", "Terabytes"), Map.entry("bits", "Bits"),
			Map.entry("seconds", "Seconds"), Map.entry("milliseconds", MILLISECONDS),
			Map.entry("microseconds", "Microseconds"), Map.entry("percent", "Percent"), Map.entry("count", COUNT));

	private EmfUnit() {
	}

	/**
	 * The CloudWatch unit named by a base unit ({@code bytes}, {@code seconds}, {@code percent}, ...), else the
	 * fallback: base units such as {@code rows} or {@code threads} name what is counted, not a CloudWatch unit.
	 */
	static String of(@Nullable String baseUnit, String fallback) {
		if (baseUnit == null) {
			return fallback;
		}
		return UNITS.getOrDefault(baseUnit.toLowerCase(Locale.ROOT), fallback);
	}

}
