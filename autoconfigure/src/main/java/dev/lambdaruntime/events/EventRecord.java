package dev.lambdaruntime.events;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One record of a record event, as the function will see it.
 *
 * @param itemIdentifier what a batch item failure names it by (message id or sequence number), if it has one
 * @param payload the payload: an SQS body, an SNS message, Kinesis data, a DynamoDB image as JSON, ...
 * @param headers the message headers that describe it
 */
record EventRecord(@Nullable String itemIdentifier, byte[] payload, Map<String, Object> headers) {

}
