/**
 * Graceful shutdown on Lambda: the internal extension whose registration makes Lambda send SIGTERM before SIGKILL,
 * and the SIGTERM path that stops the loop and closes the application within Lambda's budget; internal, may change
 * without notice.
 */
@NullMarked
package dev.lambdaruntime.shutdown;

import org.jspecify.annotations.NullMarked;
