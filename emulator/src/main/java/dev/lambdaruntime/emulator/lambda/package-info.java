/**
 * The Lambda APIs on the HTTP server: the invocation broker (the Runtime API's state machine), the Runtime API, the
 * Invoke API and Lambda's platform log lines; internal, may change without notice.
 */
@NullMarked
package dev.lambdaruntime.emulator.lambda;

import org.jspecify.annotations.NullMarked;
