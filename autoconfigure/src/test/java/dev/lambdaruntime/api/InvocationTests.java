package dev.lambdaruntime.api;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link Invocation}.
 */
class InvocationTests {

	@Test
	void remainingMillisCountsDownToZero() {
		Invocation invocation = invocation(10_000);
		assertThat(invocation.remainingMillis(7_500)).isEqualTo(2_500);
		assertThat(invocation.remainingMillis(12_000)).isZero();
	}

	@Test
	void remainingMillisWithoutDeadlineIsUnbounded() {
		assertThat(invocation(0).remainingMillis(7_500)).isEqualTo(Long.MAX_VALUE);
	}

	@Test
	void toStringNeverShowsThePayload() {
		assertThat(invocation(0)).hasToString("Invocation[requestId=r1, payloadBytes=13]");
	}

	private static Invocation invocation(long deadlineMs) {
		return Invocation.builder("r1", "secret=hunter".getBytes(StandardCharsets.UTF_8))
			.deadlineMs(deadlineMs)
			.build();
	}

}
