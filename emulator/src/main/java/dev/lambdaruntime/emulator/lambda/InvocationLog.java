package dev.lambdaruntime.emulator.lambda;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * The end of one invocation's log, as {@code X-Amz-Log-Type: Tail} returns it: the last 4 KB.
 */
public final class InvocationLog {

	static final int TAIL_BYTES = 4096;

	private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

	/**
	 * Adds a line.
	 * @param line the line, without its line break
	 */
	public synchronized void append(String line) {
		byte[] added = (line + "\n").getBytes(StandardCharsets.UTF_8);
		this.bytes.write(added, 0, added.length);
		if (this.bytes.size() > 4 * TAIL_BYTES) {
			byte[] tail = tail();
			this.bytes.reset();
			this.bytes.write(tail, 0, tail.length);
		}
	}

	synchronized byte[] tail() {
		byte[] all = this.bytes.toByteArray();
		int from = Math.max(0, all.length - TAIL_BYTES);
		while (from < all.length && from > 0 && (all[from] & 0xC0) == 0x80) {
			from++;
		}
		return Arrays.copyOfRange(all, from, all.length);
	}

	String tailBase64() {
		return Base64.getEncoder().encodeToString(tail());
	}

}
