/**
 * Lambda Runtime API wire types and a small blocking HTTP/1.1 client for it; JDK only.
 * <p>
 * Of its public types, applications may use {@link dev.lambdaruntime.api.Invocation} (what an
 * {@code InvocationHandler} is given), {@link dev.lambdaruntime.api.ResponseStream} (a streamed answer) and
 * {@link dev.lambdaruntime.api.LambdaEnvironment} (a bean they may replace). The rest is internal to the runtime,
 * public only for its other packages, and may change in any release: docs/api.md draws the line.
 */
@NullMarked
package dev.lambdaruntime.api;

import org.jspecify.annotations.NullMarked;
