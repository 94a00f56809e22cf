/**
 * The emulator's small HTTP/1.1 server on raw sockets; internal, may change without notice.
 */
@NullMarked
package dev.lambdaruntime.emulator.http;

import org.jspecify.annotations.NullMarked;
