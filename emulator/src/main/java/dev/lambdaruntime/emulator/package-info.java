/**
 * A local AWS Lambda, the Runtime API and the Invoke API, in-process for tests or as a process for any bootstrap:
 * the types users touch; the subpackages are internal.
 */
@NullMarked
package dev.lambdaruntime.emulator;

import org.jspecify.annotations.NullMarked;
