package dev.lambdaruntime.emulator;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.syntax.elements.GivenClassesConjunction;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * Keeps the emulator's arrows pointing one way: the HTTP server knows nothing of Lambda, the Lambda APIs sit on it and
 * on the public value types, process mode and the test support sit on the Lambda APIs, only the test support touches
 * JUnit or Spring, and nothing but the annotation that registers it reaches into the test support.
 */
class PackageDependencyTests {

	private static final String ROOT = "dev.lambdaruntime.emulator";

	private static final String HTTP = ROOT + ".http..";

	private static final String LAMBDA = ROOT + ".lambda..";

	private static final String PROCESS = ROOT + ".process..";

	private static final String TEST_SUPPORT = ROOT + ".testsupport..";

	private static final JavaClasses CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages(ROOT);

	/**
	 * What an invocation is made of, as users see it, and the faults they inject: the Lambda APIs build and return
	 * these, and implement {@link Faults}.
	 */
	private static final DescribedPredicate<JavaClass> PUBLIC_VALUES = arraysToo(belongToAnyOf(InvokeRequest.class,
			InvokeResult.class, RuntimeRequest.class, RuntimeError.class, Fault.class, Endpoint.class, Faults.class,
			RegisteredExtension.class));

	@Test
	void httpServerDependsOnNothingOfOurs() {
		classes().that()
			.resideInAPackage(HTTP)
			.should()
			.onlyDependOnClassesThat()
			.resideInAnyPackage("java..", "org.jspecify..", HTTP)
			.check(CLASSES);
	}

	@Test
	void lambdaApisSitOnTheHttpServerAndThePublicValues() {
		classes().that()
			.resideInAPackage(LAMBDA)
			.should()
			.onlyDependOnClassesThat(resideInAnyPackage("java..", "org.jspecify..", HTTP, LAMBDA).or(PUBLIC_VALUES))
			.check(CLASSES);
	}

	@Test
	void publicValuesDependOnNothingInternal() {
		classes().that(PUBLIC_VALUES)
			.should()
			.onlyDependOnClassesThat(resideInAnyPackage("java..", "org.jspecify..").or(PUBLIC_VALUES))
			.check(CLASSES);
	}

	@Test
	void processModeSitsOnTheLambdaApisAndThePublicValues() {
		classes().that()
			.resideInAPackage(PROCESS)
			.should()
			.onlyDependOnClassesThat(resideInAnyPackage("java..", "org.jspecify..", LAMBDA, PROCESS).or(PUBLIC_VALUES))
			.check(CLASSES);
	}

	@Test
	void testSupportSitsOnThePublicApi() {
		classes().that()
			.resideInAPackage(TEST_SUPPORT)
			.should()
			.onlyDependOnClassesThat()
			.resideInAnyPackage("java..", "org.jspecify..", "org.junit..", "org.springframework..", ROOT, LAMBDA,
					TEST_SUPPORT)
			.check(CLASSES);
	}

	@Test
	void publicApiReachesTheHttpServerOnlyThroughTheLambdaApis() {
		noClasses().that()
			.resideInAPackage(ROOT)
			.should()
			.dependOnClassesThat()
			.resideInAPackage(HTTP)
			.check(CLASSES);
	}

	@Test
	void onlyTestSupportTouchesJUnitOrSpring() {
		noClassesButTheTestSupport().should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.junit..", "org.springframework..")
			.because("JUnit and Spring are optional dependencies of the emulator")
			.check(CLASSES);
	}

	@Test
	void nothingButTheJUnitAnnotationReachesIntoTheTestSupport() {
		noClassesButTheTestSupport().should()
			.dependOnClassesThat()
			.resideInAPackage(TEST_SUPPORT)
			.check(CLASSES);
	}

	@Test
	void internalPackagesHaveNoCycles() {
		slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(CLASSES);
	}

	/**
	 * The classes, and arrays of them (an enum's {@code values()}, varargs).
	 */
	private static DescribedPredicate<JavaClass> arraysToo(DescribedPredicate<JavaClass> classes) {
		return DescribedPredicate.describe(classes.getDescription(),
				(javaClass) -> classes.test(javaClass.getBaseComponentType()));
	}

	/**
	 * No class outside the test support, except {@link LambdaEmulatorTest}, whose {@code @ExtendWith} names the JUnit
	 * extension.
	 */
	private static GivenClassesConjunction noClassesButTheTestSupport() {
		return noClasses().that()
			.resideOutsideOfPackage(TEST_SUPPORT)
			.and()
			.doNotBelongToAnyOf(LambdaEmulatorTest.class);
	}

}
