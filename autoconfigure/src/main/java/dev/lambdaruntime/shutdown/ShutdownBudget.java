package dev.lambdaruntime.shutdown;

import java.time.Duration;

/**
 * How the time between Lambda's SIGTERM and its SIGKILL is spent: invocations in flight get the grace period, the
 * application's close the rest.
 *
 * @param total the time from SIGTERM to SIGKILL: 500 ms for a runtime with an internal extension
 * @param gracePeriod how much of it invocations in flight may take before the close starts
 */
public record ShutdownBudget(Duration total, Duration gracePeriod) {

	private static final Duration ALARM_MARGIN = Duration.ofMillis(50);

	/**
	 * Checks the split.
	 * @param total the time from SIGTERM to SIGKILL
	 * @param gracePeriod the part for invocations in flight
	 * @throws IllegalArgumentException when a duration is negative, or the grace period is longer than the budget
	 */
	public ShutdownBudget {
		if (total.isNegative() || total.isZero() || gracePeriod.isNegative()) {
			throw new IllegalArgumentException(
					"The shutdown budget must be positive and its grace period not negative");
		}
		if (gracePeriod.compareTo(total) > 0) {
			throw new IllegalArgumentException("The grace period (" + gracePeriod.toMillis()
					+ " ms) does not fit in the shutdown budget (" + total.toMillis() + " ms)");
		}
	}

	/**
	 * When a shutdown still running counts as running over: the budget less 50 ms (or a tenth of a short budget), so
	 * there is time to say so before SIGKILL.
	 * @return the alarm, from SIGTERM
	 */
	Duration alarm() {
		Duration margin = total().dividedBy(10);
		return total().minus((margin.compareTo(ALARM_MARGIN) < 0) ? margin : ALARM_MARGIN);
	}

}
