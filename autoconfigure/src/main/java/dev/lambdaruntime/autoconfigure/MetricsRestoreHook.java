package dev.lambdaruntime.autoconfigure;

import dev.lambdaruntime.metrics.LambdaMeterRegistry;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

/**
 * Tells the {@link LambdaMeterRegistry} when a SnapStart snapshot is restored, through CRaC's after-restore hook,
 * which AWS's runtime client and the runtime loop both run.
 */
final class MetricsRestoreHook implements Resource {

	private final LambdaMeterRegistry registry;

	private MetricsRestoreHook(LambdaMeterRegistry registry) {
		this.registry = registry;
	}

	/**
	 * Registers a hook with CRaC's global context, which holds it weakly: keep it referenced (as a bean).
	 */
	static MetricsRestoreHook register(LambdaMeterRegistry registry) {
		MetricsRestoreHook hook = new MetricsRestoreHook(registry);
		Core.getGlobalContext().register(hook);
		return hook;
	}

	@Override
	public void beforeCheckpoint(Context<? extends Resource> context) {
	}

	@Override
	public void afterRestore(Context<? extends Resource> context) {
		this.registry.afterRestore();
	}

}
