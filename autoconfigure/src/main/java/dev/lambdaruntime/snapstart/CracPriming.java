package dev.lambdaruntime.snapstart;

import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a {@link Priming} in CRaC's before-checkpoint hook, which SnapStart calls once the function's init phase is
 * done and before it takes the snapshot. Nothing needs refreshing after the restore on priming's account; Spring
 * Framework stops and restarts the application's {@code Lifecycle} beans around the snapshot through the same hooks.
 */
public final class CracPriming implements Resource {

	private static final Logger logger = LoggerFactory.getLogger(CracPriming.class);

	private final Priming priming;

	private CracPriming(Priming priming) {
		this.priming = priming;
	}

	/**
	 * Registers the priming with CRaC's global context. CRaC holds resources weakly: keep the returned one referenced
	 * for as long as the priming should stay registered.
	 * @param priming the priming to run before the checkpoint
	 * @return the registered resource
	 */
	public static CracPriming register(Priming priming) {
		CracPriming resource = new CracPriming(priming);
		Core.getGlobalContext().register(resource);
		return resource;
	}

	@Override
	public void beforeCheckpoint(Context<? extends Resource> context) throws PrimingException {
		long start = System.nanoTime();
		this.priming.run();
		logger.info("Primed the function before the snapshot: {} invocation(s) of the sample event in {} ms",
				this.priming.invocations(), (System.nanoTime() - start) / 1_000_000);
	}

	@Override
	public void afterRestore(Context<? extends Resource> context) {
	}

}
