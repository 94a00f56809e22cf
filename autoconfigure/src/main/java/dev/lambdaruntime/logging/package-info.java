/**
 * Lambda's logging controls on Spring Boot's logging: Lambda's JSON log format, the root level, and the request id in
 * the MDC.
 */
@NullMarked
package dev.lambdaruntime.logging;

import org.jspecify.annotations.NullMarked;
