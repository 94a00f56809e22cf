package dev.lambdaruntime.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import org.springframework.boot.EnvironmentPostProcessor;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Keeps the package arrows pointing one way: the core ({@code api}, {@code loop}) stays free of Spring, and the
 * logging support stays below the auto-configuration and out of the core, and the function bridge knows nothing of the
 * AWS event shapes built on it; the metrics sit on the loop and Micrometer, used by the auto-configuration alone, and
 * the graceful shutdown on the core alone. Also one logging facade per layer: the JDK's {@code System.Logger} in the
 * core, SLF4J everywhere else.
 */
class PackageDependencyTests {

	private static final JavaClasses CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("dev.lambdaruntime");

	@Test
	void apiUsesTheJdkOnly() {
		classes().that()
			.resideInAPackage("dev.lambdaruntime.api..")
			.should()
			.onlyDependOnClassesThat()
			.resideInAnyPackage("java..", "org.jspecify..", "dev.lambdaruntime.api..")
			.check(CLASSES);
	}

	@Test
	void loopUsesTheApiAndTheJdkOnly() {
		classes().that()
			.resideInAPackage("dev.lambdaruntime.loop..")
			.should()
			.onlyDependOnClassesThat()
			.resideInAnyPackage("java..", "org.jspecify..", "dev.lambdaruntime.api..", "dev.lambdaruntime.loop..")
			.check(CLASSES);
	}

	@Test
	void shutdownUsesTheCoreAndNoSpring() {
		classes().that()
			.resideInAPackage("dev.lambdaruntime.shutdown..")
			.should()
			.onlyDependOnClassesThat()
			.resideInAnyPackage("java..", "org.jspecify..", "org.slf4j..", "dev.lambdaruntime.api..",
					"dev.lambdaruntime.loop..", "dev.lambdaruntime.shutdown..")
			.check(CLASSES);
	}

	@Test
	void coreLogsThroughTheJdksSystemLoggerOnly() {
		noClasses().that()
			.resideInAnyPackage("dev.lambdaruntime.api..", "dev.lambdaruntime.loop..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.slf4j..", "org.apache.commons.logging..", "java.util.logging..",
					"ch.qos.logback..", "org.apache.logging.log4j..")
			.check(CLASSES);
	}

	@Test
	void everythingAboveTheCoreLogsThroughSlf4j() {
		noClasses().that()
			.resideOutsideOfPackages("dev.lambdaruntime.api..", "dev.lambdaruntime.loop..")
			.should()
			.dependOnClassesThat()
			.haveFullyQualifiedName(System.Logger.class.getName())
			.orShould()
			.dependOnClassesThat()
			.resideInAnyPackage("java.util.logging..", "org.apache.logging.log4j..")
			.check(CLASSES);
	}

	@Test
	void commonsLoggingOnlyWhereSpringBootHandsItOverBeforeLoggingStarts() {
		// An EnvironmentPostProcessor runs before logging is set up: Boot gives it a DeferredLogFactory, whose logs
		// are commons-logging's type. Nothing else uses commons-logging, and nothing asks its LogFactory.
		noClasses().that()
			.doNotImplement(EnvironmentPostProcessor.class)
			.should()
			.dependOnClassesThat()
			.resideInAPackage("org.apache.commons.logging..")
			.check(CLASSES);
		noClasses().should()
			.dependOnClassesThat()
			.haveFullyQualifiedName("org.apache.commons.logging.LogFactory")
			.check(CLASSES);
	}

	@Test
	void functionBridgeDoesNotReachUp() {
		noClasses().that()
			.resideInAPackage("dev.lambdaruntime.function..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("dev.lambdaruntime.autoconfigure..")
			.check(CLASSES);
	}

	@Test
	void coreAndFunctionBridgeDoNotUseTheLoggingSupport() {
		noClasses().that()
			.resideInAnyPackage("dev.lambdaruntime.api..", "dev.lambdaruntime.loop..", "dev.lambdaruntime.function..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("dev.lambdaruntime.logging..")
			.check(CLASSES);
	}

	@Test
	void loggingSupportUsesTheLoopScopeAndSpringBootLoggingOnly() {
		classes().that()
			.resideInAPackage("dev.lambdaruntime.logging..")
			.should()
			.onlyDependOnClassesThat()
			.resideInAnyPackage("java..", "org.jspecify..", "org.slf4j..", "org.apache.commons.logging..",
					"ch.qos.logback..", "org.springframework.boot..", "org.springframework.core..",
					"org.springframework.util..", "dev.lambdaruntime.api..", "dev.lambdaruntime.loop..",
					"dev.lambdaruntime.logging..")
			.check(CLASSES);
	}

	@Test
	void nothingButTheAutoConfigurationDependsOnIt() {
		noClasses().that()
			.resideOutsideOfPackage("dev.lambdaruntime.autoconfigure..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("dev.lambdaruntime.autoconfigure..")
			.check(CLASSES);
	}

	@Test
	void functionBridgeDoesNotKnowTheEventShapes() {
		noClasses().that()
			.resideInAPackage("dev.lambdaruntime.function..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("dev.lambdaruntime.events..")
			.check(CLASSES);
	}

	@Test
	void eventsSitOnTheFunctionBridge() {
		classes().that()
			.resideInAPackage("dev.lambdaruntime.events..")
			.should()
			.onlyDependOnClassesThat()
			.resideInAnyPackage("java..", "org.jspecify..", "org.slf4j..", "tools.jackson..", "org.springframework..",
					"com.amazonaws.services.lambda.runtime.serialization..", "dev.lambdaruntime.api..",
					"dev.lambdaruntime.loop..", "dev.lambdaruntime.function..", "dev.lambdaruntime.events..")
			.check(CLASSES);
	}

	@Test
	void managedRuntimeHandlerSitsOnTheFunctionBridge() {
		classes().that()
			.resideInAPackage("dev.lambdaruntime.handler..")
			.should()
			.onlyDependOnClassesThat()
			.resideInAnyPackage("java..", "org.jspecify..", "tools.jackson..", "org.springframework..",
					"com.amazonaws.services.lambda.runtime..", "dev.lambdaruntime.api..", "dev.lambdaruntime.loop..",
					"dev.lambdaruntime.handler..")
			.check(CLASSES);
	}

	@Test
	void metricsUseTheLoopAndMicrometerOnly() {
		classes().that()
			.resideInAPackage("dev.lambdaruntime.metrics..")
			.should()
			.onlyDependOnClassesThat()
			.resideInAnyPackage("java..", "org.jspecify..", "org.slf4j..", "io.micrometer..", "dev.lambdaruntime.api..",
					"dev.lambdaruntime.loop..", "dev.lambdaruntime.metrics..")
			.check(CLASSES);
	}

	@Test
	void nothingButTheAutoConfigurationUsesTheMetrics() {
		noClasses().that()
			.resideOutsideOfPackages("dev.lambdaruntime.metrics..", "dev.lambdaruntime.autoconfigure..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("dev.lambdaruntime.metrics..")
			.check(CLASSES);
	}

	@Test
	void snapStartSupportUsesTheLoopAndCracOnly() {
		classes().that()
			.resideInAPackage("dev.lambdaruntime.snapstart..")
			.should()
			.onlyDependOnClassesThat()
			.resideInAnyPackage("java..", "org.jspecify..", "org.slf4j..", "org.crac..", "dev.lambdaruntime.api..",
					"dev.lambdaruntime.loop..", "dev.lambdaruntime.snapstart..")
			.check(CLASSES);
	}

}
