package dev.lambdaruntime.emulator.http;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

/**
 * Damages well-formed bytes the ways a bad peer or network does: flipped, dropped, doubled and inserted bytes, and
 * cut ends.
 */
final class Damage {

	private static final byte[] INTERESTING = "\r\n:; \t0f-\u0000\u00ff"
		.getBytes(StandardCharsets.ISO_8859_1);

	private Damage() {
	}

	static byte[] apply(byte[] bytes, int edits, long seed) {
		Random random = new Random(seed);
		byte[] damaged = bytes.clone();
		for (int i = 0; i < edits && damaged.length > 0; i++) {
			int at = random.nextInt(damaged.length);
			damaged = switch (random.nextInt(5)) {
				case 0 -> flip(damaged, at, (byte) random.nextInt(256));
				case 1 -> remove(damaged, at);
				case 2 -> insert(damaged, at, damaged[at]);
				case 3 -> insert(damaged, at, INTERESTING[random.nextInt(INTERESTING.length)]);
				default -> Arrays.copyOf(damaged, at);
			};
		}
		return damaged;
	}

	private static byte[] flip(byte[] bytes, int at, byte value) {
		bytes[at] = value;
		return bytes;
	}

	private static byte[] remove(byte[] bytes, int at) {
		byte[] shorter = new byte[bytes.length - 1];
		System.arraycopy(bytes, 0, shorter, 0, at);
		System.arraycopy(bytes, at + 1, shorter, at, bytes.length - at - 1);
		return shorter;
	}

	private static byte[] insert(byte[] bytes, int at, byte value) {
		byte[] longer = new byte[bytes.length + 1];
		System.arraycopy(bytes, 0, longer, 0, at);
		longer[at] = value;
		System.arraycopy(bytes, at, longer, at + 1, bytes.length - at);
		return longer;
	}

}
