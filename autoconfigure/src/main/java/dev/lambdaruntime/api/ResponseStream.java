package dev.lambdaruntime.api;

import java.io.OutputStream;

/**
 * A response written as it is produced (Lambda's response streaming): every {@code write} that reaches the stream
 * leaves as an HTTP chunk, so the caller may read the first bytes before the last exist.
 */
@FunctionalInterface
public interface ResponseStream {

	/**
	 * Writes the response.
	 * @param output where to write; not to be closed
	 * @throws Exception a failure of the function: what was written stands, and the error follows it as trailers
	 */
	void writeTo(OutputStream output) throws Exception;

}
