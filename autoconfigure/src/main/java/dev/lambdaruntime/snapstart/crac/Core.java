package dev.lambdaruntime.snapstart.crac;

/**
 * The entry point {@code org.crac} looks up, as {@code jdk.crac.Core}.
 */
public final class Core {

	private static final Context<Resource> globalContext = new OrderedContext();

	private Core() {
	}

	/**
	 * The context every resource registers with.
	 * @return the global context
	 */
	public static Context<Resource> getGlobalContext() {
		return globalContext;
	}

	/**
	 * Lambda takes SnapStart snapshots itself, after the function's init phase; a function cannot request one.
	 * @throws CheckpointException always
	 */
	public static void checkpointRestore() throws CheckpointException {
		throw new CheckpointException("Lambda takes the SnapStart snapshot itself after init; it cannot be requested");
	}

}
