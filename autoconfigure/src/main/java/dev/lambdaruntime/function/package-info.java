/**
 * The bridge to Spring Cloud Function: resolves the function once, turns each invocation into a message and back.
 */
@NullMarked
package dev.lambdaruntime.function;

import org.jspecify.annotations.NullMarked;
