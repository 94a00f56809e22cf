/**
 * Process mode: the command line, and the supervisor that starts any bootstrap the way Lambda does; internal, may
 * change without notice.
 */
@NullMarked
package dev.lambdaruntime.emulator.process;

import org.jspecify.annotations.NullMarked;
