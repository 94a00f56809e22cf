package dev.lambdaruntime.logging;

import java.nio.charset.StandardCharsets;

import dev.lambdaruntime.api.Invocation;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link RequestIdMdc}.
 */
class RequestIdMdcTests {

	private final RequestIdMdc scope = new RequestIdMdc();

	@Test
	void holdsTheRequestIdInTheMdcForTheInvocation() {
		Invocation invocation = Invocation
			.builder("8f5e2a1c-0000-4000-8000-000000000001", "{}".getBytes(StandardCharsets.UTF_8))
			.build();
		this.scope.enter(invocation);
		assertThat(MDC.get("AWSRequestId")).isEqualTo(invocation.requestId());
		this.scope.exit(invocation);
		assertThat(MDC.get("AWSRequestId")).isNull();
	}

}
