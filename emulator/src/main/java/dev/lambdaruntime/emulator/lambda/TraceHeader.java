package dev.lambdaruntime.emulator.lambda;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Makes X-Ray trace headers like Lambda's: {@code Root=1-<epoch hex>-<96 random bits>;Parent=<64 bits>;Sampled=0}.
 */
final class TraceHeader {

	private TraceHeader() {
	}

	static String generate() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		HexFormat hex = HexFormat.of();
		String epoch = String.format("%08x", System.currentTimeMillis() / 1000);
		String unique = hex.toHexDigits(random.nextInt()) + hex.toHexDigits(random.nextLong());
		String parent = hex.toHexDigits(random.nextLong());
		return "Root=1-" + epoch + "-" + unique + ";Parent=" + parent + ";Sampled=0";
	}

}
