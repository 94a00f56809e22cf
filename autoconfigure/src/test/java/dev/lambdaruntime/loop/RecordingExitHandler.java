package dev.lambdaruntime.loop;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * An {@link ExitHandler} for tests: records the exit instead of ending the JVM.
 */
public class RecordingExitHandler implements ExitHandler {

	private final List<Integer> statuses = new CopyOnWriteArrayList<>();

	private final List<String> reasons = new CopyOnWriteArrayList<>();

	private final CountDownLatch exited = new CountDownLatch(1);

	@Override
	public void exit(int status, String reason) {
		this.statuses.add(status);
		this.reasons.add(reason);
		this.exited.countDown();
	}

	public int awaitStatus() throws InterruptedException {
		if (!this.exited.await(20, TimeUnit.SECONDS)) {
			throw new AssertionError("The runtime did not exit");
		}
		return this.statuses.get(0);
	}

	public List<Integer> statuses() {
		return this.statuses;
	}

	public List<String> reasons() {
		return this.reasons;
	}

}
