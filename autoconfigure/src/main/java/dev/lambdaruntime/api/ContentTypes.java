package dev.lambdaruntime.api;

/**
 * The content types the runtime speaks: of events, of answers, and of error bodies.
 */
public final class ContentTypes {

	/** JSON: events and answers unless said otherwise. */
	public static final String JSON = "application/json";

	/** Bytes as they are: the event given to a function on {@code byte[]}, a stream of bytes. */
	public static final String OCTET_STREAM = "application/octet-stream";

	/** JSON lines: a streamed answer of objects, one per line. */
	public static final String NDJSON = "application/x-ndjson";

	/** UTF-8 text: a streamed answer of text. */
	public static final String TEXT = "text/plain;charset=UTF-8";

	/** An error body, as the Runtime API documents it. */
	public static final String LAMBDA_ERROR = "application/vnd.aws.lambda.error+json";

	private ContentTypes() {
	}

}
