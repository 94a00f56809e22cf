package dev.lambdaruntime.loop;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.lambdaruntime.api.Invocation;
import dev.lambdaruntime.api.RuntimeApiClient;
import dev.lambdaruntime.emulator.Endpoint;
import dev.lambdaruntime.emulator.Fault;
import dev.lambdaruntime.emulator.InvokeResult;
import dev.lambdaruntime.emulator.LambdaEmulator;
import dev.lambdaruntime.shutdown.InternalExtension;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every fault on every Runtime API endpoint the loop calls, and on the Extensions API endpoints its internal extension
 * calls: the loop does what docs/architecture.md promises (retry, carry on, or exit 1 with a reason) within a bounded
 * time, and the caller always gets its answer or Lambda's error. Writes the matrix to {@code target/fault-matrix.md}.
 */
class FaultMatrixTests {

	/** Long enough for a loaded machine to answer, short enough that lost events end soon. */
	private static final Duration FUNCTION_TIMEOUT = Duration.ofMillis(1500);

	/** The loop starts in milliseconds here: a lost init error or restore ends in Lambda's timeout soon after. */
	private static final Duration INIT_LIMIT = Duration.ofMillis(500);

	private static final long CASE_LIMIT_SECONDS = 60;

	private static final List<Endpoint> RUNTIME_API = List.of(Endpoint.NEXT, Endpoint.RESPONSE,
			Endpoint.STREAMING_RESPONSE, Endpoint.ERROR, Endpoint.INIT_ERROR, Endpoint.RESTORE_NEXT,
			Endpoint.RESTORE_ERROR);

	/** What the internal extension calls: the rest of the Extensions API it never does. */
	private static final List<Endpoint> EXTENSIONS_API = List.of(Endpoint.EXTENSION_REGISTER, Endpoint.EXTENSION_NEXT);

	private static final List<Fault> FAULTS = List.of(Fault.dropRequest(), Fault.resetConnection(),
			Fault.status(500), Fault.status(502), Fault.status(429), Fault.status(403), Fault.status(410),
			Fault.status(413), Fault.dropResponse(), Fault.closeAfterResponse(), Fault.stall(Duration.ofMillis(50)),
			Fault.trickle(5, Duration.ofMillis(1)), Fault.truncatedBody(), Fault.malformedStatusLine(),
			Fault.malformedHeaders(), Fault.oversizedHeaders(), Fault.wrongContentLength(), Fault.brokenChunking());

	@Test
	void everyFaultOnEveryEndpointEndsInAnAnswerOrLambdasErrorAndTheDocumentedLoopBehaviour() throws Exception {
		List<FaultCase> cases = new ArrayList<>();
		for (Endpoint endpoint : RUNTIME_API) {
			FAULTS.forEach((fault) -> cases.add(new FaultCase(endpoint, fault)));
		}
		for (Endpoint endpoint : EXTENSIONS_API) {
			FAULTS.forEach((fault) -> cases.add(new FaultCase(endpoint, fault)));
		}
		ExecutorService pool = Executors.newFixedThreadPool(8);
		List<Future<FaultCase.Result>> futures = new ArrayList<>();
		try {
			cases.forEach((faultCase) -> futures.add(pool.submit(faultCase::run)));
			List<String> table = new ArrayList<>();
			List<String> wrong = new ArrayList<>();
			for (int i = 0; i < cases.size(); i++) {
				FaultCase faultCase = cases.get(i);
				FaultCase.Result result;
				try {
					result = futures.get(i).get(CASE_LIMIT_SECONDS, TimeUnit.SECONDS);
				}
				catch (TimeoutException ex) {
					result = FaultCase.Result.hung();
				}
				catch (ExecutionException ex) {
					result = new FaultCase.Result("failed: " + ex.getCause(), "failed");
				}
				FaultCase.Result expected = faultCase.expected();
				table.add(faultCase.row(result));
				if (!result.matches(expected)) {
					wrong.add(faultCase + ": expected " + expected + " but was " + result);
				}
			}
			write(table);
			assertThat(wrong).as("cases that did not do what the architecture promises").isEmpty();
			assertThat(cases).hasSize((RUNTIME_API.size() + EXTENSIONS_API.size()) * FAULTS.size());
		}
		finally {
			pool.shutdownNow();
		}
	}

	private static void write(List<String> rows) throws IOException {
		Path report = Path.of("target", "fault-matrix.md");
		Files.createDirectories(report.getParent());
		List<String> lines = new ArrayList<>(
				List.of("| endpoint | fault | caller gets | runtime | SIGTERM at shutdown |", "|---|---|---|---|---|"));
		lines.addAll(rows);
		Files.write(report, lines, StandardCharsets.UTF_8);
	}

	/**
	 * One fault on one endpoint: a warm invocation, then one that meets the fault, then one more if the loop goes on.
	 */
	record FaultCase(Endpoint endpoint, Fault fault) {

		Result run() throws Exception {
			if (EXTENSIONS_API.contains(this.endpoint)) {
				return runWithTheInternalExtension();
			}
			boolean startup = this.endpoint == Endpoint.INIT_ERROR || this.endpoint == Endpoint.RESTORE_NEXT
					|| this.endpoint == Endpoint.RESTORE_ERROR;
			RecordingExitHandler exits = new RecordingExitHandler();
			try (LambdaEmulator emulator = LambdaEmulator.builder()
				.timeout(FUNCTION_TIMEOUT)
				.initTimeout(INIT_LIMIT)
				.snapStart(startup)
				.recordRuntimeRequests(false)
				.build()
				.start()) {
				RuntimeLoop loop = RuntimeLoop
					.builder(() -> new RuntimeApiClient(emulator.runtimeApi()), (invocation) -> handle(invocation, emulator))
					.exitHandler(exits)
					.checkpointHooks(startup ? hooks() : null)
					.build();
				try {
					if (startup) {
						emulator.faults().next(this.endpoint, this.fault);
						loop.start();
					}
					else {
						loop.start();
						if (!"WARM".equals(emulator.invoke("warm").payloadAsString())) {
							return Result.hung();
						}
						if (this.endpoint != Endpoint.NEXT) {
							// The warm answer is in: the next request to the endpoint is the first invocation's.
							emulator.faults().next(this.endpoint, this.fault);
						}
					}
					String first = outcome(emulator.invoke(payload()), expectedAnswer());
					if (expected().runtime().equals(Result.EXITS) || !exits.statuses().isEmpty()) {
						return new Result(first, exited(exits));
					}
					String second = outcome(emulator.invoke("again"), "AGAIN");
					return new Result(first, second.equals(Result.ANSWER) && exits.statuses().isEmpty()
							? Result.CARRIES_ON : "second invocation " + second + ", " + exited(exits));
				}
				finally {
					loop.stop(Duration.ofSeconds(1));
				}
			}
		}

		/**
		 * As the application starts: the internal extension registers before the loop's first poll, then two
		 * invocations; then the shutdown phase says whether Lambda would send SIGTERM.
		 */
		private Result runWithTheInternalExtension() throws Exception {
			RecordingExitHandler exits = new RecordingExitHandler();
			try (LambdaEmulator emulator = LambdaEmulator.builder()
				.timeout(FUNCTION_TIMEOUT)
				.initTimeout(INIT_LIMIT)
				.recordRuntimeRequests(false)
				.build()
				.start()) {
				emulator.faults().next(this.endpoint, this.fault);
				InternalExtension extension = InternalExtension.register(emulator.runtimeApi());
				RuntimeLoop loop = RuntimeLoop
					.builder(() -> new RuntimeApiClient(emulator.runtimeApi()),
							(invocation) -> handle(invocation, emulator))
					.exitHandler(exits)
					.build();
				try {
					loop.start();
					String first = outcome(emulator.invoke("first"), "FIRST");
					String second = outcome(emulator.invoke("again"), "AGAIN");
					String runtime = second.equals(Result.ANSWER) && exits.statuses().isEmpty() ? Result.CARRIES_ON
							: "second invocation " + second + ", " + exited(exits);
					return new Result(first, runtime, emulator.shutdown() ? Result.SIGTERM : Result.SIGKILL);
				}
				finally {
					loop.stop(Duration.ofSeconds(1));
					if (extension != null) {
						extension.close();
					}
				}
			}
		}

		private static String exited(RecordingExitHandler exits) {
			try {
				int status = exits.awaitStatus();
				return exits.reasons().get(0).isBlank() ? "exits " + status + " without a reason" : "exits " + status;
			}
			catch (AssertionError | InterruptedException ex) {
				return "did not exit";
			}
		}

		/**
		 * What docs/architecture.md promises for this fault on this endpoint.
		 */
		Result expected() {
			boolean lost = !this.fault.reachesTheApi();
			boolean delivered = switch (this.fault.kind()) {
				case CLOSE_AFTER_RESPONSE, STALL, TRICKLE -> true;
				default -> false;
			};
			int status = this.fault.status();
			return switch (this.endpoint) {
				// Sent again when lost on its way; refused, or taken with its answer lost: none the runtime knows of,
				// and a registration taken is forgotten at the init limit.
				case EXTENSION_REGISTER -> new Result(Result.ANSWER, Result.CARRIES_ON,
						((lost && status == 0) || delivered) ? Result.SIGTERM : Result.SIGKILL);
				// Sent again when lost; refused, the extension says it exits; taken, it waits as it should.
				case EXTENSION_NEXT -> new Result(Result.ANSWER, Result.CARRIES_ON, Result.SIGTERM);
				case NEXT -> {
					if (status >= 500 || status == 403) {
						yield new Result(Result.TIMEOUT, Result.EXITS);
					}
					yield new Result((lost || delivered) ? Result.ANSWER : Result.TIMEOUT, Result.CARRIES_ON);
				}
				case RESPONSE, ERROR -> {
					String answer = (this.endpoint == Endpoint.ERROR) ? Result.FUNCTION_ERROR : Result.ANSWER;
					if (status >= 500 || status == 429) {
						yield new Result(Result.TIMEOUT, Result.EXITS);
					}
					if (status == 413 && this.endpoint == Endpoint.RESPONSE) {
						yield new Result("Function.ResponseSizeTooLarge", Result.CARRIES_ON);
					}
					yield new Result((status != 0) ? Result.TIMEOUT : answer, Result.CARRIES_ON);
				}
				case STREAMING_RESPONSE -> {
					if (status >= 500 || status == 429 || lost && status == 0) {
						yield new Result(Result.TIMEOUT, Result.EXITS);
					}
					if (status != 0) {
						yield new Result(Result.TIMEOUT, Result.CARRIES_ON);
					}
					yield new Result(Result.ANSWER, delivered ? Result.CARRIES_ON : Result.EXITS);
				}
				case RESTORE_NEXT -> delivered ? new Result(Result.ANSWER, Result.CARRIES_ON)
						: new Result(Result.TIMEOUT, Result.EXITS);
				// The init error is the first request on its connection: a dropped one is not sent again.
				case INIT_ERROR -> new Result(lost ? Result.TIMEOUT : Result.INIT_ERROR, Result.EXITS);
				// The restore error follows restore/next on the same connection: a dropped one is sent again.
				case RESTORE_ERROR -> new Result((status != 0) ? Result.TIMEOUT : Result.RESTORE_ERROR,
						Result.EXITS);
				default -> throw new IllegalArgumentException(this.endpoint + " is not a Runtime API endpoint");
			};
		}

		String row(Result result) {
			return "| " + this.endpoint.cliName() + " | " + this.fault + " | " + result.caller() + " | "
					+ result.runtime() + " | " + result.shutdown() + " |";
		}

		@Override
		public String toString() {
			return this.fault + " on " + this.endpoint.cliName();
		}

		private String payload() {
			return switch (this.endpoint) {
				case ERROR -> "fail";
				case STREAMING_RESPONSE -> "stream";
				default -> "first";
			};
		}

		private String expectedAnswer() {
			return (this.endpoint == Endpoint.STREAMING_RESPONSE) ? "STREAM" : "FIRST";
		}

		private CheckpointHooks hooks() {
			return new CheckpointHooks() {

				@Override
				public void beforeCheckpoint() {
					if (FaultCase.this.endpoint == Endpoint.INIT_ERROR) {
						throw new IllegalStateException("before checkpoint");
					}
				}

				@Override
				public void afterRestore() {
					if (FaultCase.this.endpoint == Endpoint.RESTORE_ERROR) {
						throw new IllegalStateException("after restore");
					}
				}

			};
		}

		private InvocationResponse handle(Invocation invocation, LambdaEmulator emulator) {
			String payload = new String(invocation.payload(), StandardCharsets.UTF_8);
			if (payload.equals("warm") && this.endpoint == Endpoint.NEXT) {
				// Between the /next that brought this and the one after it, on the same connection.
				emulator.faults().next(this.endpoint, this.fault);
			}
			if (payload.equals("fail")) {
				throw new IllegalStateException("boom");
			}
			if (payload.equals("stream")) {
				return InvocationResponse.streaming("text/plain", (output) -> {
					output.write("STR".getBytes(StandardCharsets.UTF_8));
					output.flush();
					output.write("EAM".getBytes(StandardCharsets.UTF_8));
				});
			}
			return new InvocationResponse(payload.toUpperCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8),
					"text/plain");
		}

		/**
		 * Names what the caller got: its answer, the function's error, Lambda's timeout, another Lambda error by
		 * type, or a wrong answer.
		 */
		private static String outcome(InvokeResult result, String answer) {
			String payload = result.payloadAsString();
			if (result.functionError() == null) {
				return payload.equals(answer) ? Result.ANSWER : "WRONG ANSWER " + payload;
			}
			if (payload.contains("\"errorType\":\"java.lang.IllegalStateException\"")) {
				if (payload.contains("\"errorMessage\":\"boom\"")) {
					return Result.FUNCTION_ERROR;
				}
				if (payload.contains("\"errorMessage\":\"before checkpoint\"")) {
					return Result.INIT_ERROR;
				}
				if (payload.contains("\"errorMessage\":\"after restore\"")) {
					return Result.RESTORE_ERROR;
				}
			}
			int start = payload.indexOf("\"errorType\":\"");
			String type = (start < 0) ? payload
					: payload.substring(start + 13, payload.indexOf('"', start + 13));
			return type.equals("Sandbox.Timedout") ? Result.TIMEOUT : type;
		}

		/**
		 * What the caller got, what the runtime did, and whether Lambda would send SIGTERM at the end (the internal
		 * extension's cases only).
		 */
		record Result(String caller, String runtime, String shutdown) {

			static final String SIGTERM = "yes";

			static final String SIGKILL = "no";

			static final String NOT_CHECKED = "";

			Result(String caller, String runtime) {
				this(caller, runtime, NOT_CHECKED);
			}

			static final String ANSWER = "its answer";

			static final String FUNCTION_ERROR = "the function's error";

			static final String TIMEOUT = "Sandbox.Timedout";

			static final String INIT_ERROR = "the init error";

			static final String RESTORE_ERROR = "the restore error";

			static final String CARRIES_ON = "carries on";

			static final String EXITS = "exits 1";

			static Result hung() {
				return new Result("HUNG", "HUNG");
			}

			boolean matches(Result expected) {
				return equals(expected);
			}

		}

	}

}
