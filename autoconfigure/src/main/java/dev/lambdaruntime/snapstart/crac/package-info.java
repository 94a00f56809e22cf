/**
 * A CRaC implementation in the shape of {@code jdk.crac}, for {@code org.crac}'s {@code org.crac.Core.Compat}: in the
 * runtime's own SnapStart mode every {@code org.crac.Resource} (the application's, Spring Framework's, the priming)
 * registers here, and the runtime loop runs them around Lambda's snapshot. Lambda takes the snapshot itself, so
 * {@link dev.lambdaruntime.snapstart.crac.Core#checkpointRestore()} cannot request one.
 * <p>
 * Internal to the runtime: public because {@code org.crac} loads it reflectively, not for applications, which use
 * {@code org.crac} itself.
 */
@NullMarked
package dev.lambdaruntime.snapstart.crac;

import org.jspecify.annotations.NullMarked;
