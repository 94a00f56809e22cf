/**
 * Micrometer metrics the Lambda way: a {@code MeterRegistry} that writes what each invocation recorded as CloudWatch
 * Embedded Metric Format documents at the end of that invocation, on its own thread.
 */
@NullMarked
package dev.lambdaruntime.metrics;

import org.jspecify.annotations.NullMarked;
