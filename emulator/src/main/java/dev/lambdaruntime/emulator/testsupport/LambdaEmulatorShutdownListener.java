package dev.lambdaruntime.emulator.testsupport;

import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;

import dev.lambdaruntime.emulator.AutoConfigureLambdaEmulator;
import dev.lambdaruntime.emulator.LambdaEmulator;

import org.springframework.context.ApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.test.annotation.DirtiesContext.HierarchyMode;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestContextAnnotationUtils;
import org.springframework.test.context.TestExecutionListener;

/**
 * Makes the emulator's shutdown phase close the test's application context, as SIGTERM does through Spring Boot's
 * shutdown hook: where Lambda would send SIGTERM, the context is marked dirty, which removes it from Spring's
 * context cache and closes it, so that later tests get a fresh one rather than a closed one.
 */
final class LambdaEmulatorShutdownListener implements TestExecutionListener, Ordered {

	private final Set<LambdaEmulator> wired = Collections
		.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

	@Override
	public void prepareTestInstance(TestContext testContext) {
		if (TestContextAnnotationUtils.findMergedAnnotation(testContext.getTestClass(),
				AutoConfigureLambdaEmulator.class) == null) {
			return;
		}
		ApplicationContext context = testContext.getApplicationContext();
		if (context.containsBean(LambdaEmulatorContextCustomizer.BEAN_NAME)) {
			LambdaEmulator emulator = context.getBean(LambdaEmulatorContextCustomizer.BEAN_NAME, LambdaEmulator.class);
			if (this.wired.add(emulator)) {
				emulator.addShutdownListener(() -> testContext.markApplicationContextDirty(HierarchyMode.EXHAUSTIVE));
			}
		}
	}

	@Override
	public int getOrder() {
		// After dependency injection, which loads the context.
		return 2500;
	}

}
