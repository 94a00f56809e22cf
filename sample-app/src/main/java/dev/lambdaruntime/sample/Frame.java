package dev.lambdaruntime.sample;

/**
 * Input of {@code buffer}: one record to keep, such as a video frame's metadata.
 *
 * @param id the record's id
 * @param data its content
 * @param workMs simulated processing time before the record is buffered, to show what happens to an invocation in
 * flight at shutdown; usually 0
 */
public record Frame(String id, String data, long workMs) {
}
