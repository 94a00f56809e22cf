package dev.lambdaruntime.api;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Tests for {@link FunctionFrames}.
 */
class FunctionFramesTests {

	@Test
	void keepsTheFunctionsFramesAndLeavesOutTheRuntimesPlumbingAndReflection() {
		Throwable failure = failure("shop.Inventory.check", "shop.Inventory.reserve",
				"org.springframework.cloud.function.context.catalog.SimpleFunctionRegistry$Wrapper.apply",
				"jdk.internal.reflect.DirectMethodHandleAccessor.invoke", "java.lang.reflect.Method.invoke",
				"shop.Functions.lambda$reserve$0", "dev.lambdaruntime.function.DirectInvoker.invoke",
				"dev.lambdaruntime.function.FunctionInvocationHandler.handle", "dev.lambdaruntime.loop.Worker.serve",
				"shop.Inventory.neverReached", "java.lang.Thread.run");
		assertThat(classAndMethod(FunctionFrames.of(failure))).containsExactly("shop.Inventory.check",
				"shop.Inventory.reserve", "shop.Functions.lambda$reserve$0");
	}

	@Test
	void cutsAtTheRuntimesNestedClassesToo() {
		Throwable failure = failure("shop.Stream.write", "dev.lambdaruntime.function.ResponseConverter$1.run",
				"java.lang.Thread.run");
		assertThat(classAndMethod(FunctionFrames.of(failure))).containsExactly("shop.Stream.write");
	}

	@Test
	void keepsAnApplicationsClassesThatShareAPackageWithTheRuntime() {
		Throwable failure = failure("dev.lambdaruntime.loop.MyFunctions.apply", "dev.lambdaruntime.loop.Worker.serve");
		assertThat(classAndMethod(FunctionFrames.of(failure)))
			.containsExactly("dev.lambdaruntime.loop.MyFunctions.apply");
	}

	@Test
	void stripFiltersTheExceptionAndItsCausesInPlace() {
		Throwable cause = failure("shop.Parser.parse", "shop.Inventory.check", "dev.lambdaruntime.loop.Worker.serve");
		Throwable failure = failure("shop.Inventory.check", "dev.lambdaruntime.handler.FunctionRequestHandler.handle",
				"lambdainternal.AWSLambda.main");
		failure.initCause(cause);
		assertThat(FunctionFrames.strip(failure)).isSameAs(failure);
		assertThat(classAndMethod(failure.getStackTrace())).containsExactly("shop.Inventory.check");
		assertThat(classAndMethod(cause.getStackTrace())).containsExactly("shop.Parser.parse", "shop.Inventory.check");
	}

	@Test
	void stripStopsAtCauseCycles() {
		RuntimeException first = new RuntimeException("first");
		RuntimeException second = new RuntimeException("second", first);
		first.initCause(second);
		assertThatNoException().isThrownBy(() -> FunctionFrames.strip(first));
	}

	@Test
	void everyRuntimeClassItNamesExists() {
		// A renamed class would quietly let the runtime's frames back into error reports.
		assertThat(FunctionFrames.RUNTIME_CLASSES).isNotEmpty().allSatisfy((name) -> assertThatNoException()
			.as(name)
			.isThrownBy(() -> Class.forName(name, false, getClass().getClassLoader())));
	}

	private static Throwable failure(String... frames) {
		IllegalStateException failure = new IllegalStateException("out of stock");
		failure.setStackTrace(Arrays.stream(frames)
			.map((frame) -> new StackTraceElement(frame.substring(0, frame.lastIndexOf('.')),
					frame.substring(frame.lastIndexOf('.') + 1), "Source.java", 1))
			.toArray(StackTraceElement[]::new));
		return failure;
	}

	private static String[] classAndMethod(StackTraceElement[] frames) {
		return Arrays.stream(frames)
			.map((frame) -> frame.getClassName() + "." + frame.getMethodName())
			.toArray(String[]::new);
	}

}
