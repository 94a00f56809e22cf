package dev.lambdaruntime.emulator.testsupport;

import java.util.List;

import dev.lambdaruntime.emulator.AutoConfigureLambdaEmulator;
import org.jspecify.annotations.Nullable;

import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * Adds a {@link LambdaEmulatorContextCustomizer} to test classes annotated with {@link AutoConfigureLambdaEmulator}.
 */
class LambdaEmulatorContextCustomizerFactory implements ContextCustomizerFactory {

	@Override
	public @Nullable ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		AutoConfigureLambdaEmulator annotation = TestContextAnnotationUtils.findMergedAnnotation(testClass,
				AutoConfigureLambdaEmulator.class);
		return (annotation != null) ? new LambdaEmulatorContextCustomizer(EmulatorAttributes.of(annotation)) : null;
	}

}
