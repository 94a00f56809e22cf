package dev.lambdaruntime.snapstart.crac;

/**
 * Something to notify around a checkpoint, as {@code jdk.crac.Resource}.
 */
public interface Resource {

	/**
	 * Called before the checkpoint.
	 * @param context the context the resource is registered with
	 * @throws Exception a failure, which stops the checkpoint
	 */
	void beforeCheckpoint(Context<? extends Resource> context) throws Exception;

	/**
	 * Called after the restore.
	 * @param context the context the resource is registered with
	 * @throws Exception a failure, reported once every resource has been notified
	 */
	void afterRestore(Context<? extends Resource> context) throws Exception;

}
