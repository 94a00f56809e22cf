package dev.lambdaruntime.emulator.lambda;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import dev.lambdaruntime.emulator.Fault;
import dev.lambdaruntime.emulator.RuntimeRequest;
import dev.lambdaruntime.emulator.http.HttpBody;
import dev.lambdaruntime.emulator.http.HttpHead;
import org.jspecify.annotations.Nullable;

/**
 * Keeps every Runtime API request in arrival order, for {@code takeRuntimeRequest} and {@code runtimeRequests}.
 */
final class RequestRecorder {

	private final boolean enabled;

	private final List<RuntimeRequest> all = new CopyOnWriteArrayList<>();

	private final LinkedBlockingQueue<RuntimeRequest> untaken = new LinkedBlockingQueue<>();

	RequestRecorder(boolean enabled) {
		this.enabled = enabled;
	}

	void record(HttpHead head, HttpBody body, @Nullable Fault fault, int connection) {
		if (this.enabled) {
			RuntimeRequest request = new RuntimeRequest(head.method(), head.target(), head.headers(), body.bytes(),
					body.trailers(), fault, connection);
			this.all.add(request);
			this.untaken.add(request);
		}
	}

	@Nullable RuntimeRequest take(Duration timeout) {
		try {
			return this.untaken.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return null;
		}
	}

	List<RuntimeRequest> all() {
		return List.copyOf(this.all);
	}

}
