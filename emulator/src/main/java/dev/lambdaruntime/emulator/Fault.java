package dev.lambdaruntime.emulator;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * One way for the emulator to misbehave on a request, like OkHttp's socket policies: lose the connection, answer
 * slowly, answer an error status, or send an answer that breaks HTTP/1.1.
 */
public final class Fault {

	private final Kind kind;

	private final int status;

	private final Duration pause;

	private final int bytes;

	private Fault(Kind kind, int status, Duration pause, int bytes) {
		this.kind = kind;
		this.status = status;
		this.pause = pause;
		this.bytes = bytes;
	}

	/**
	 * Reads the request, then closes the connection without passing the request on: the request is lost.
	 * @return the fault
	 */
	public static Fault dropRequest() {
		return of(Kind.DROP_REQUEST);
	}

	/**
	 * Reads the request, then resets the connection (TCP RST) without passing the request on.
	 * @return the fault
	 */
	public static Fault resetConnection() {
		return of(Kind.RESET_CONNECTION);
	}

	/**
	 * Passes the request on, then closes the connection without answering: the answer is lost.
	 * @return the fault
	 */
	public static Fault dropResponse() {
		return of(Kind.DROP_RESPONSE);
	}

	/**
	 * Answers as usual, keep-alive and all, then closes the connection.
	 * @return the fault
	 */
	public static Fault closeAfterResponse() {
		return of(Kind.CLOSE_AFTER_RESPONSE);
	}

	/**
	 * Answers as usual after a pause.
	 * @param pause how long to wait before the first byte
	 * @return the fault
	 */
	public static Fault stall(Duration pause) {
		if (pause.isNegative()) {
			throw new IllegalArgumentException("Stall must not be negative");
		}
		return new Fault(Kind.STALL, 0, pause, 0);
	}

	/**
	 * Answers as usual, a few bytes at a time.
	 * @param bytes how many bytes each write sends, at least 1
	 * @param pause how long to wait between writes
	 * @return the fault
	 */
	public static Fault trickle(int bytes, Duration pause) {
		if (bytes < 1 || pause.isNegative()) {
			throw new IllegalArgumentException("Trickle needs at least 1 byte a write and a pause of 0 or more");
		}
		return new Fault(Kind.TRICKLE, 0, pause, bytes);
	}

	/**
	 * Answers with an error status and Lambda's error JSON, without passing the request on; for example 500, 502,
	 * 429, 403, 410 or 413.
	 * @param status a status from 400 to 599
	 * @return the fault
	 */
	public static Fault status(int status) {
		if (status < 400 || status > 599) {
			throw new IllegalArgumentException("Fault status must be from 400 to 599, not " + status);
		}
		return new Fault(Kind.STATUS, status, Duration.ZERO, 0);
	}

	/**
	 * Passes the request on, then sends the answer cut short (in the body, or in the head when there is no body)
	 * and closes the connection.
	 * @return the fault
	 */
	public static Fault truncatedBody() {
		return of(Kind.TRUNCATED_BODY);
	}

	/**
	 * Passes the request on, then answers with a status line that is not HTTP/1.1 and closes the connection.
	 * @return the fault
	 */
	public static Fault malformedStatusLine() {
		return of(Kind.MALFORMED_STATUS_LINE);
	}

	/**
	 * Passes the request on, then answers with a header line that has no colon and closes the connection.
	 * @return the fault
	 */
	public static Fault malformedHeaders() {
		return of(Kind.MALFORMED_HEADERS);
	}

	/**
	 * Passes the request on, then answers with 120 header fields of 1 KB each (over any sane limit) and closes the
	 * connection.
	 * @return the fault
	 */
	public static Fault oversizedHeaders() {
		return of(Kind.OVERSIZED_HEADERS);
	}

	/**
	 * Passes the request on, then answers with a {@code Content-Length} one byte short of the body (one byte over for
	 * an empty body) and closes the connection.
	 * @return the fault
	 */
	public static Fault wrongContentLength() {
		return of(Kind.WRONG_CONTENT_LENGTH);
	}

	/**
	 * Passes the request on, then answers chunked with a chunk one byte shorter than its declared size and closes
	 * the connection.
	 * @return the fault
	 */
	public static Fault brokenChunking() {
		return of(Kind.BROKEN_CHUNKING);
	}

	/**
	 * What the fault does.
	 * @return the kind
	 */
	public Kind kind() {
		return this.kind;
	}

	/**
	 * The status a {@link Kind#STATUS} fault answers.
	 * @return the status, 0 for other kinds
	 */
	public int status() {
		return this.status;
	}

	/**
	 * How long a {@link Kind#STALL} waits, or a {@link Kind#TRICKLE} waits between writes.
	 * @return the pause, zero for other kinds
	 */
	public Duration pause() {
		return this.pause;
	}

	/**
	 * How many bytes each write of a {@link Kind#TRICKLE} sends.
	 * @return the bytes, 0 for other kinds
	 */
	public int bytes() {
		return this.bytes;
	}

	/**
	 * Whether the Runtime API still handles the request (hands out the event, takes the answer); if not, the
	 * request is lost on the way in.
	 * @return {@code true} unless the fault drops, resets or answers for the API
	 */
	public boolean reachesTheApi() {
		return this.kind != Kind.DROP_REQUEST && this.kind != Kind.RESET_CONNECTION && this.kind != Kind.STATUS;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof Fault fault && this.kind == fault.kind && this.status == fault.status
				&& this.pause.equals(fault.pause) && this.bytes == fault.bytes;
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.kind, this.status, this.pause, this.bytes);
	}

	/**
	 * The fault as the command line writes it, for example {@code status:502} or {@code trickle:1:10ms}.
	 */
	@Override
	public String toString() {
		return switch (this.kind) {
			case STALL -> this.kind.cliName() + ":" + millis(this.pause);
			case TRICKLE -> this.kind.cliName() + ":" + this.bytes + ":" + millis(this.pause);
			case STATUS -> this.kind.cliName() + ":" + this.status;
			default -> this.kind.cliName();
		};
	}

	private static String millis(Duration duration) {
		return duration.toMillis() + "ms";
	}

	private static Fault of(Kind kind) {
		return new Fault(kind, 0, Duration.ZERO, 0);
	}

	/**
	 * The ways to misbehave.
	 */
	public enum Kind {

		/** Close before passing the request on. */
		DROP_REQUEST,

		/** Reset before passing the request on. */
		RESET_CONNECTION,

		/** Close after the API handled the request, before answering. */
		DROP_RESPONSE,

		/** Close after answering. */
		CLOSE_AFTER_RESPONSE,

		/** Answer after a pause. */
		STALL,

		/** Answer a few bytes at a time. */
		TRICKLE,

		/** Answer an error status instead of the API. */
		STATUS,

		/** Cut the answer short. */
		TRUNCATED_BODY,

		/** Break the status line. */
		MALFORMED_STATUS_LINE,

		/** Send a header line without a colon. */
		MALFORMED_HEADERS,

		/** Send far too many header bytes. */
		OVERSIZED_HEADERS,

		/** Declare a body length that is off by one. */
		WRONG_CONTENT_LENGTH,

		/** Declare a chunk size that is off by one. */
		BROKEN_CHUNKING;

		/**
		 * The kind's name on the command line.
		 * @return for example {@code drop-request}
		 */
		public String cliName() {
			return name().toLowerCase(Locale.ROOT).replace('_', '-');
		}

	}

}
