package dev.lambdaruntime.snapstart.crac;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link OrderedContext}, the global context of the runtime's CRaC implementation.
 */
class OrderedContextTests {

	private final List<String> calls = new CopyOnWriteArrayList<>();

	private final OrderedContext context = new OrderedContext();

	@Test
	void notifiesInReverseBeforeTheCheckpointAndInOrderAfterTheRestore() throws Exception {
		this.context.register(resource("first", null));
		this.context.register(resource("second", null));
		this.context.register(resource("third", null));
		this.context.beforeCheckpoint(this.context);
		this.context.afterRestore(this.context);
		assertThat(this.calls).containsExactly("before third", "before second", "before first", "after first",
				"after second", "after third");
	}

	@Test
	void notifiesEveryResourceAndReportsEveryFailureTogether() {
		this.context.register(resource("first", "first broke"));
		this.context.register(resource("second", null));
		this.context.register(resource("third", "third broke"));
		assertThatExceptionOfType(CheckpointException.class)
			.isThrownBy(() -> this.context.beforeCheckpoint(this.context))
			.satisfies((ex) -> assertThat(ex.getSuppressed()).extracting(Throwable::getMessage)
				.containsExactly("before third broke", "before first broke"));
		assertThat(this.calls).containsExactly("before third", "before second", "before first");
		assertThatExceptionOfType(RestoreException.class).isThrownBy(() -> this.context.afterRestore(this.context))
			.satisfies((ex) -> assertThat(ex.getSuppressed()).extracting(Throwable::getMessage)
				.containsExactly("after first broke", "after third broke"));
	}

	@Test
	void aCheckpointCannotBeRequested() {
		assertThatExceptionOfType(CheckpointException.class).isThrownBy(Core::checkpointRestore)
			.withMessageContaining("Lambda takes the SnapStart snapshot itself");
	}

	private Resource resource(String name, String failure) {
		return new Resource() {

			@Override
			public void beforeCheckpoint(Context<? extends Resource> context) {
				call("before", name, failure);
			}

			@Override
			public void afterRestore(Context<? extends Resource> context) {
				call("after", name, failure);
			}

		};
	}

	private void call(String phase, String name, String failure) {
		this.calls.add(phase + " " + name);
		if (failure != null) {
			throw new IllegalStateException(phase + " " + failure);
		}
	}

}
