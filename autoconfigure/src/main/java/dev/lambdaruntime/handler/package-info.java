/**
 * The entry point for Lambda's managed Java runtimes ({@code java21}, {@code java25}): a {@code RequestStreamHandler}
 * that AWS's runtime client calls, serving the same function through the same pipeline as the runtime loop.
 * <p>
 * Applications name {@link dev.lambdaruntime.handler.FunctionRequestHandler} as their handler, or extend it;
 * {@link dev.lambdaruntime.handler.ManagedHandlerMarker} is internal, for the auto-configuration, and everything else
 * here is package-private. docs/api.md draws the line.
 */
@NullMarked
package dev.lambdaruntime.handler;

import org.jspecify.annotations.NullMarked;
