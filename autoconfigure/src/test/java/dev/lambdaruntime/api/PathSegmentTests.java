package dev.lambdaruntime.api;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link PathSegment}.
 */
class PathSegmentTests {

	@Test
	void keepsUnreservedCharacters() {
		String value = "8476a536-e9f4-11e8-9739-2dfe598c3fcd._~AZaz09";
		assertThat(PathSegment.encode(value)).isSameAs(value);
	}

	@Test
	void percentEncodesEverythingElse() {
		assertThat(PathSegment.encode("a/b?c#d e%f\r\n")).isEqualTo("a%2Fb%3Fc%23d%20e%25f%0D%0A");
	}

	@Test
	void percentEncodesNonAsciiAsUtf8() {
		assertThat(PathSegment.encode("\u00e9\u2603")).isEqualTo("%C3%A9%E2%98%83");
	}

	@Test
	void encodesDotSegmentsSoTheyCannotClimb() {
		assertThat(PathSegment.encode("../x")).isEqualTo("..%2Fx");
	}

	@Test
	void rejectsEmptyValue() {
		assertThatIllegalArgumentException().isThrownBy(() -> PathSegment.encode(""))
			.withMessageContaining("must not be empty");
	}

}
