package dev.lambdaruntime.emulator.testsupport;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.List;

import dev.lambdaruntime.emulator.LambdaEmulator;
import dev.lambdaruntime.emulator.LambdaEmulatorTest;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * Starts a {@link LambdaEmulator} per test, keeps it in the extension store so JUnit closes it, and injects it into
 * parameters and fields; stateless, as JUnit extensions should be. Registered by {@link LambdaEmulatorTest}: use the
 * annotation, not this class.
 */
public final class LambdaEmulatorExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace
		.create(LambdaEmulatorExtension.class);

	@Override
	public void beforeAll(ExtensionContext context) {
		emulatorFields(context.getRequiredTestClass());
	}

	@Override
	public void beforeEach(ExtensionContext context) throws IllegalAccessException {
		for (Object instance : context.getRequiredTestInstances().getAllInstances()) {
			for (Field field : emulatorFields(instance.getClass())) {
				field.setAccessible(true);
				field.set(instance, emulator(context));
			}
		}
	}

	@Override
	public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return parameterContext.getParameter().getType() == LambdaEmulator.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return emulator(extensionContext);
	}

	private static LambdaEmulator emulator(ExtensionContext context) {
		return context.getStore(NAMESPACE)
			.computeIfAbsent(LambdaEmulator.class, (key) -> create(context), LambdaEmulator.class);
	}

	private static LambdaEmulator create(ExtensionContext context) {
		return context.getElement()
			.flatMap((element) -> AnnotationSupport.findAnnotation(element, LambdaEmulatorTest.class))
			.or(() -> context.getTestClass()
				.flatMap((testClass) -> AnnotationSupport.findAnnotation(testClass, LambdaEmulatorTest.class)))
			.map((annotation) -> EmulatorAttributes.of(annotation).start())
			.orElseGet(() -> LambdaEmulator.create().start());
	}

	private static List<Field> emulatorFields(Class<?> testClass) {
		List<Field> fields = ReflectionSupport.findFields(testClass, (field) -> field.getType() == LambdaEmulator.class,
				HierarchyTraversalMode.TOP_DOWN);
		for (Field field : fields) {
			String name = field.getDeclaringClass().getSimpleName() + "." + field.getName();
			if (Modifier.isStatic(field.getModifiers())) {
				throw new ExtensionConfigurationException("@LambdaEmulatorTest cannot inject static field " + name
						+ ": each test gets its own emulator, so make the field an instance field");
			}
			if (Modifier.isFinal(field.getModifiers())) {
				throw new ExtensionConfigurationException("@LambdaEmulatorTest cannot inject final field " + name
						+ ": remove 'final' (and any initializer) and let the extension set it");
			}
		}
		return fields;
	}

}
