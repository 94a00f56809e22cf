package dev.lambdaruntime.snapstart;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.lambdaruntime.api.Invocation;
import dev.lambdaruntime.loop.InvocationResponse;
import dev.lambdaruntime.loop.InvocationScope;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link Priming} and {@link CracPriming}.
 */
class PrimingTests {

	private static final byte[] EVENT = "{\"name\":\"primer\"}".getBytes(StandardCharsets.UTF_8);

	private final List<Invocation> handled = new CopyOnWriteArrayList<>();

	@Test
	void invokesTheHandlerWithTheSampleEventAsOftenAsAsked() throws Exception {
		new Priming(this::record, InvocationScope.NONE, EVENT, 3).run();
		assertThat(this.handled).extracting(Invocation::requestId).containsExactly("priming-1", "priming-2",
				"priming-3");
		assertThat(this.handled).allSatisfy((invocation) -> {
			assertThat(invocation.payload()).isEqualTo(EVENT);
			assertThat(invocation.remainingMillis(System.currentTimeMillis())).isPositive();
		});
	}

	@Test
	void stopsAtTheFirstFailureAndSaysWhich() {
		Priming priming = new Priming((invocation) -> {
			this.handled.add(invocation);
			if (this.handled.size() == 2) {
				throw new IllegalStateException("database not reachable");
			}
			return InvocationResponse.EMPTY;
		}, InvocationScope.NONE, EVENT, 5);
		assertThatExceptionOfType(PrimingException.class).isThrownBy(priming::run)
			.withMessage("Priming invocation 2 of 5 failed on the sample event: database not reachable")
			.withCauseInstanceOf(IllegalStateException.class);
		assertThat(this.handled).hasSize(2);
	}

	@Test
	void bracketsEachInvocationWithTheScopeAsForRealEvents() throws Exception {
		List<String> events = new CopyOnWriteArrayList<>();
		InvocationScope scope = new InvocationScope() {

			@Override
			public void enter(Invocation invocation) {
				events.add("enter " + invocation.requestId());
			}

			@Override
			public void exit(Invocation invocation) {
				events.add("exit " + invocation.requestId());
			}

		};
		new Priming((invocation) -> {
			events.add("handle " + invocation.requestId());
			return InvocationResponse.EMPTY;
		}, scope, EVENT, 2).run();
		assertThat(events).containsExactly("enter priming-1", "handle priming-1", "exit priming-1", "enter priming-2",
				"handle priming-2", "exit priming-2");
	}

	@Test
	void needsAtLeastOneInvocation() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new Priming(this::record, InvocationScope.NONE, EVENT, 0))
			.withMessage("Priming needs at least 1 invocation, but was given 0");
	}

	@Test
	void runsInCracsBeforeCheckpointHookOnly() throws Exception {
		CracPriming resource = CracPriming.register(this::record, InvocationScope.NONE, EVENT, 2);
		assertThat(this.handled).isEmpty();
		resource.beforeCheckpoint(null);
		assertThat(this.handled).hasSize(2);
		resource.afterRestore(null);
		assertThat(this.handled).hasSize(2);
	}

	private InvocationResponse record(Invocation invocation) {
		this.handled.add(invocation);
		return InvocationResponse.EMPTY;
	}

}
