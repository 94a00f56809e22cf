/**
 * SnapStart support: priming the function before Lambda takes the snapshot, through CRaC's hooks.
 * <p>
 * Internal to the runtime: applications configure it with {@code lambda.runtime.priming.*} and meet only
 * {@link dev.lambdaruntime.snapstart.PrimingException}, when priming fails. The other public types are public for the
 * auto-configuration and may change in any release. docs/api.md draws the line.
 */
@NullMarked
package dev.lambdaruntime.snapstart;

import org.jspecify.annotations.NullMarked;
