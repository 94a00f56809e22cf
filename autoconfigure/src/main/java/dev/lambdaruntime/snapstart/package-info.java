/**
 * SnapStart support: priming the function before Lambda takes the snapshot, through CRaC's hooks.
 */
@NullMarked
package dev.lambdaruntime.snapstart;

import org.jspecify.annotations.NullMarked;
