package dev.lambdaruntime.emulator.lambda;

import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * The platform of an in-process emulator: there is no runtime process to watch, so it only writes {@code START},
 * {@code END} and {@code REPORT} into each invocation's log tail.
 */
final class InProcessPlatform implements InvocationListener {

	private final PlatformLog log;

	InProcessPlatform(PlatformLog log) {
		this.log = log;
	}

	@Override
	public void started(Invocation invocation) {
		this.log.start(invocation);
	}

	@Override
	public void finished(Invocation invocation, Outcome outcome) {
		this.log.finish(invocation, outcome, OptionalDouble.empty(), OptionalDouble.empty(), OptionalLong.empty());
	}

}
