/**
 * AWS event sources in and out: API Gateway, ALB, Function URLs, SQS, SNS, Kinesis, DynamoDB Streams, S3 and
 * EventBridge events unwrapped for plain functions, their answers shaped, partial batch failures reported.
 * <p>
 * Applications may use {@link dev.lambdaruntime.events.EventHeaders} (the headers that describe an event, and those
 * that shape an HTTP answer) and delegate to {@link dev.lambdaruntime.events.AwsEventAdapter} from their own
 * {@code EventAdapter}; everything else here is package-private. docs/api.md draws the line.
 */
@NullMarked
package dev.lambdaruntime.events;

import org.jspecify.annotations.NullMarked;
