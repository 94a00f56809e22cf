/**
 * AWS event sources in and out: API Gateway, ALB, Function URLs, SQS, SNS, Kinesis, DynamoDB Streams, S3 and
 * EventBridge events unwrapped for plain functions, their answers shaped, partial batch failures reported.
 */
@NullMarked
package dev.lambdaruntime.events;

import org.jspecify.annotations.NullMarked;
