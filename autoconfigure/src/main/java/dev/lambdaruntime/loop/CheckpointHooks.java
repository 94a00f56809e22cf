package dev.lambdaruntime.loop;

/**
 * What runs around Lambda's SnapStart snapshot when this runtime drives the Runtime API: before it, once the
 * application is initialized, and after each restore, before the first event.
 */
public interface CheckpointHooks {

	/**
	 * Called once the application is ready, before the runtime tells Lambda it may take the snapshot.
	 * @throws Exception a failure, reported to Lambda as an init error
	 */
	void beforeCheckpoint() throws Exception;

	/**
	 * Called in each restored copy, before it takes its first event.
	 * @throws Exception a failure, reported to Lambda as a restore error
	 */
	void afterRestore() throws Exception;

}
