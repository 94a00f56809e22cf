package dev.lambdaruntime.snapstart.crac;

/**
 * Resources notified together, as {@code jdk.crac.Context}.
 *
 * @param <R> the resources it holds
 */
public abstract class Context<R extends Resource> implements Resource {

	/**
	 * For subclasses.
	 */
	protected Context() {
	}

	@Override
	public abstract void beforeCheckpoint(Context<? extends Resource> context) throws CheckpointException;

	@Override
	public abstract void afterRestore(Context<? extends Resource> context) throws RestoreException;

	/**
	 * Registers a resource to notify.
	 * @param resource the resource
	 */
	public abstract void register(R resource);

}
