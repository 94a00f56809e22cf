package dev.lambdaruntime.snapstart;

import dev.lambdaruntime.loop.InvocationHandler;
import dev.lambdaruntime.loop.InvocationScope;
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
	 * Registers a priming with CRaC's global context. CRaC holds resources weakly: keep the returned one referenced
	 * for as long as the priming should stay registered.
	 * @param handler the handler that serves real events
	 * @param scope brackets each priming invocation, as for real events
	 * @param event the sample event, as Lambda would deliver it
	 * @param invocations how many times to invoke it, at least 1
	 * @return the registered resource
	 */
	public static CracPriming register(InvocationHandler handler, InvocationScope scope, byte[] event,
			int invocations) {
		return register(new Priming(handler, scope, event, invocations));
	}

	static CracPriming register(Priming priming) {
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
