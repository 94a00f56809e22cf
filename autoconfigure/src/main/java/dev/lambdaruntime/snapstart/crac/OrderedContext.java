package dev.lambdaruntime.snapstart.crac;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The global context: before the checkpoint, resources in reverse order of registration; after the restore, in order
 * of registration. Every resource is notified even when an earlier one fails; the failures are reported together.
 */
final class OrderedContext extends Context<Resource> {

	private final List<Resource> resources = new ArrayList<>();

	@Override
	public synchronized void register(Resource resource) {
		this.resources.add(resource);
	}

	@Override
	public void beforeCheckpoint(Context<? extends Resource> context) throws CheckpointException {
		List<Resource> reversed = snapshot();
		Collections.reverse(reversed);
		CheckpointException failure = null;
		for (Resource resource : reversed) {
			try {
				resource.beforeCheckpoint(this);
			}
			catch (Exception ex) {
				failure = (failure != null) ? failure : new CheckpointException("A resource failed before the checkpoint");
				failure.addSuppressed(ex);
			}
		}
		if (failure != null) {
			throw failure;
		}
	}

	@Override
	public void afterRestore(Context<? extends Resource> context) throws RestoreException {
		RestoreException failure = null;
		for (Resource resource : snapshot()) {
			try {
				resource.afterRestore(this);
			}
			catch (Exception ex) {
				failure = (failure != null) ? failure : new RestoreException("A resource failed after the restore");
				failure.addSuppressed(ex);
			}
		}
		if (failure != null) {
			throw failure;
		}
	}

	private synchronized List<Resource> snapshot() {
		return new ArrayList<>(this.resources);
	}

}
