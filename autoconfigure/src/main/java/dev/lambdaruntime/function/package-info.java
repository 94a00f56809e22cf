/**
 * The bridge to Spring Cloud Function: resolves the function once, turns each invocation into a message and back.
 * <p>
 * Applications may use {@link dev.lambdaruntime.function.LambdaHeaders} (the message headers a function reads),
 * implement {@link dev.lambdaruntime.function.EventAdapter} (given an
 * {@link dev.lambdaruntime.function.EventFunction}), replace the
 * {@link dev.lambdaruntime.function.TraceHeaderPublisher} bean, and build a
 * {@link dev.lambdaruntime.function.FunctionInvocationHandler} to delegate to from their own handler;
 * {@link dev.lambdaruntime.function.FunctionResolutionException} is what a start-up without a function fails with.
 * Everything else here is package-private. docs/api.md draws the line.
 */
@NullMarked
package dev.lambdaruntime.function;

import org.jspecify.annotations.NullMarked;
