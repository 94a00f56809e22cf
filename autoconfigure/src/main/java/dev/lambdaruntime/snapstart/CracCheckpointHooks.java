package dev.lambdaruntime.snapstart;

import dev.lambdaruntime.loop.CheckpointHooks;
import dev.lambdaruntime.snapstart.crac.CheckpointException;
import dev.lambdaruntime.snapstart.crac.Context;
import dev.lambdaruntime.snapstart.crac.Core;
import dev.lambdaruntime.snapstart.crac.Resource;
import dev.lambdaruntime.snapstart.crac.RestoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The runtime loop's SnapStart hooks: every {@code org.crac.Resource} registered in this JVM (the application's,
 * Spring Framework's, the priming), through the CRaC implementation in {@code dev.lambdaruntime.snapstart.crac}.
 * {@code org.crac} picks that implementation up only if {@link #install()} ran before anything touched
 * {@code org.crac.Core}.
 */
public final class CracCheckpointHooks implements CheckpointHooks {

	/** The system property {@code org.crac} reads, once, to find its implementation. */
	public static final String COMPAT_PROPERTY = "org.crac.Core.Compat";

	/** Our implementation's package. */
	public static final String COMPAT_PACKAGE = "dev.lambdaruntime.snapstart.crac";

	private static final Logger logger = LoggerFactory.getLogger(CracCheckpointHooks.class);

	/**
	 * Points {@code org.crac} at our implementation, unless something else already named one (AWS's managed runtime
	 * does, for its own client).
	 * @return whether {@code org.crac} resources will reach these hooks
	 */
	public static boolean install() {
		String compat = System.getProperty(COMPAT_PROPERTY);
		if (compat == null) {
			System.setProperty(COMPAT_PROPERTY, COMPAT_PACKAGE);
			return true;
		}
		return COMPAT_PACKAGE.equals(compat);
	}

	@Override
	public void beforeCheckpoint() throws CheckpointException {
		if (!COMPAT_PACKAGE.equals(System.getProperty(COMPAT_PROPERTY))) {
			logger.warn("{} is {}, not {}: org.crac resources, priming among them, will not run around the snapshot",
					COMPAT_PROPERTY, System.getProperty(COMPAT_PROPERTY), COMPAT_PACKAGE);
		}
		Context<Resource> context = Core.getGlobalContext();
		context.beforeCheckpoint(context);
	}

	@Override
	public void afterRestore() throws RestoreException {
		Context<Resource> context = Core.getGlobalContext();
		context.afterRestore(context);
	}

}
