package dev.lambdaruntime.emulator;

import java.net.http.HttpResponse;



/**
 * A test runtime on its own thread: answers {@code echo:<event>}, or a function error for events containing
 * {@code fail}, until the emulator closes.
 */
public final class EchoRuntime {

	private static final String FAILURE = "{\"errorMessage\":\"bad input\","
			+ "\"errorType\":\"java.lang.IllegalArgumentException\"}";

	private EchoRuntime() {
	}

	public static Thread start(LambdaEmulator emulator) {
		TestRuntime runtime = new TestRuntime(emulator);
		Thread thread = new Thread(() -> {
			try {
				while (true) {
					HttpResponse<String> next = runtime.next();
					String requestId = TestRuntime.requestId(next);
					if (next.body().contains("fail")) {
						runtime.fail(requestId, "java.lang.IllegalArgumentException", FAILURE);
					}
					else {
						runtime.respond(requestId, "echo:" + next.body());
					}
				}
			}
			catch (RuntimeException ex) {
				// The emulator closed.
			}
		}, "echo-runtime");
		thread.setDaemon(true);
		thread.start();
		return thread;
	}

}
