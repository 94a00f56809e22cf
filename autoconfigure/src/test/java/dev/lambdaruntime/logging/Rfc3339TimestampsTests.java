package dev.lambdaruntime.logging;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link Rfc3339Timestamps}.
 */
class Rfc3339TimestampsTests {

	private final Rfc3339Timestamps timestamps = new Rfc3339Timestamps();

	@Test
	void formatsUtcWithMilliseconds() {
		assertThat(this.timestamps.format(millis("2026-11-26T14:00:00.123Z"))).isEqualTo("2026-11-26T14:00:00.123Z");
		assertThat(this.timestamps.format(millis("2026-11-26T14:00:00.007Z"))).isEqualTo("2026-11-26T14:00:00.007Z");
	}

	@Test
	void movesOnWhenTheSecondChanges() {
		assertThat(this.timestamps.format(millis("2026-12-31T23:59:59.999Z"))).isEqualTo("2026-12-31T23:59:59.999Z");
		assertThat(this.timestamps.format(millis("2027-01-01T00:00:00.000Z"))).isEqualTo("2027-01-01T00:00:00.000Z");
		assertThat(this.timestamps.format(millis("2026-12-31T23:59:59.001Z"))).isEqualTo("2026-12-31T23:59:59.001Z");
	}

	@Test
	void formatsTimesBeforeTheEpoch() {
		assertThat(this.timestamps.format(-1)).isEqualTo("1969-12-31T23:59:59.999Z");
	}

	private static long millis(String text) {
		return Instant.parse(text).toEpochMilli();
	}

}
