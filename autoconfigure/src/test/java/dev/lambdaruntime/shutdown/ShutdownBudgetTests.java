package dev.lambdaruntime.shutdown;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link ShutdownBudget}.
 */
class ShutdownBudgetTests {

	@Test
	void alarmLeavesTimeToSaySoBeforeSigkill() {
		assertThat(new ShutdownBudget(Duration.ofMillis(500), Duration.ofMillis(150)).alarm())
			.isEqualTo(Duration.ofMillis(450));
		assertThat(new ShutdownBudget(Duration.ofMillis(100), Duration.ZERO).alarm()).isEqualTo(Duration.ofMillis(90));
	}

	@Test
	void theGracePeriodMustFitInTheBudget() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ShutdownBudget(Duration.ofMillis(500), Duration.ofSeconds(5)))
			.withMessage("The grace period (5000 ms) does not fit in the shutdown budget (500 ms)");
		assertThatIllegalArgumentException().isThrownBy(() -> new ShutdownBudget(Duration.ZERO, Duration.ZERO));
	}

}
