/**
 * The entry point for Lambda's managed Java runtimes ({@code java21}, {@code java25}): a {@code RequestStreamHandler}
 * that AWS's runtime client calls, serving the same function through the same pipeline as the runtime loop.
 */
@NullMarked
package dev.lambdaruntime.handler;

import org.jspecify.annotations.NullMarked;
