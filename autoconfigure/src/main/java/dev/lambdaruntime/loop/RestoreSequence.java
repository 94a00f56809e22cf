package dev.lambdaruntime.loop;

import java.io.IOException;

import dev.lambdaruntime.api.ErrorReport;
import dev.lambdaruntime.api.LambdaErrorType;
import dev.lambdaruntime.api.RuntimeApiClient;
import org.jspecify.annotations.Nullable;

/**
 * SnapStart's sequence for a custom runtime: the before-checkpoint hooks, then {@code GET /runtime/restore/next},
 * which returns in the restored copy, then the after-restore hooks; only then may the workers ask for events. A hook
 * that fails is reported ({@code /runtime/init/error} before the snapshot, {@code /runtime/restore/error} after) and
 * the runtime exits.
 */
final class RestoreSequence {

	private static final System.Logger logger = System.getLogger(RestoreSequence.class.getName());

	private final CheckpointHooks hooks;

	RestoreSequence(CheckpointHooks hooks) {
		this.hooks = hooks;
	}

	/**
	 * Runs the sequence on a connection of its own, blocking until this copy is restored.
	 * @param client the connection to use, closed afterwards
	 * @return why the runtime cannot go on, or {@code null} when it may take events
	 */
	@Nullable String run(RuntimeApiClient client) {
		try (client) {
			try {
				this.hooks.beforeCheckpoint();
			}
			catch (Exception ex) {
				logger.log(System.Logger.Level.ERROR, "A before-checkpoint hook failed", ex);
				client.reportInitError(LambdaErrorType.BEFORE_CHECKPOINT_ERROR, ErrorReport.of(ex));
				return "a before-checkpoint hook failed: " + ex.getMessage();
			}
			client.restoreNext();
			try {
				this.hooks.afterRestore();
			}
			catch (Exception ex) {
				logger.log(System.Logger.Level.ERROR, "An after-restore hook failed", ex);
				client.reportRestoreError(ErrorReport.of(ex));
				return "an after-restore hook failed: " + ex.getMessage();
			}
			return null;
		}
		catch (IOException ex) {
			return "the SnapStart restore sequence failed: " + ex.getMessage();
		}
	}

}
