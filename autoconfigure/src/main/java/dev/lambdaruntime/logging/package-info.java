/**
 * Lambda's logging controls on Spring Boot's logging: Lambda's JSON log format, the root level, and the request id in
 * the MDC.
 * <p>
 * Applications may name {@link dev.lambdaruntime.logging.LambdaJsonLogFormatter} in
 * {@code logging.structured.format.console}, and compose {@link dev.lambdaruntime.logging.RequestIdMdc} (the default
 * {@code InvocationScope}) into their own scope; everything else here is package-private. docs/api.md draws the line.
 */
@NullMarked
package dev.lambdaruntime.logging;

import org.jspecify.annotations.NullMarked;
