package dev.lambdaruntime.architecture;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Holds docs/api.md, the one place that says what applications may use, to the code: every public type is named there
 * as supported or internal, and no public signature shows Spring Cloud Function's {@code FunctionInvocationWrapper}.
 */
class PublicApiTests {

	// This module's packages: the emulator, on the test class path, is another module with an API of its own.
	private static final JavaClasses CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("dev.lambdaruntime.api", "dev.lambdaruntime.loop", "dev.lambdaruntime.function",
				"dev.lambdaruntime.events", "dev.lambdaruntime.handler", "dev.lambdaruntime.snapstart",
				"dev.lambdaruntime.logging", "dev.lambdaruntime.metrics", "dev.lambdaruntime.shutdown",
				"dev.lambdaruntime.autoconfigure");

	private static final Pattern TYPE_NAME = Pattern.compile("dev\\.lambdaruntime\\.[a-z.]+\\.[A-Z]\\w*");

	private static final String FUNCTION_INVOCATION_WRAPPER = "org.springframework.cloud.function.context.catalog."
			+ "SimpleFunctionRegistry$FunctionInvocationWrapper";

	@Test
	void everyPublicTypeIsNamedInTheApiPageAndEveryNamedTypeIsPublic() throws IOException {
		Set<String> publicTypes = CLASSES.stream()
			.filter((type) -> type.isTopLevelClass() && type.getModifiers().contains(JavaModifier.PUBLIC))
			.map(JavaClass::getName)
			.collect(Collectors.toCollection(TreeSet::new));
		assertThat(namedInTheApiPage()).as("public types named in docs/api.md")
			.containsExactlyInAnyOrderElementsOf(publicTypes);
	}

	@Test
	void noPublicSignatureShowsSpringCloudFunctionsInvocationWrapper() {
		List<String> exposed = new ArrayList<>();
		for (JavaClass type : CLASSES) {
			if (!type.getModifiers().contains(JavaModifier.PUBLIC)) {
				continue;
			}
			for (JavaCodeUnit member : type.getCodeUnits()) {
				boolean visible = member.getModifiers().contains(JavaModifier.PUBLIC)
						|| member.getModifiers().contains(JavaModifier.PROTECTED);
				boolean shows = member.getRawParameterTypes().stream().anyMatch(PublicApiTests::isWrapper)
						|| isWrapper(member.getRawReturnType());
				if (visible && shows) {
					exposed.add(member.getFullName());
				}
			}
			for (JavaField field : type.getFields()) {
				if (field.getModifiers().contains(JavaModifier.PUBLIC) && isWrapper(field.getRawType())) {
					exposed.add(field.getFullName());
				}
			}
		}
		assertThat(exposed).isEmpty();
	}

	private static boolean isWrapper(JavaClass type) {
		return type.getName().equals(FUNCTION_INVOCATION_WRAPPER);
	}

	private static Set<String> namedInTheApiPage() throws IOException {
		Matcher names = TYPE_NAME.matcher(Files.readString(Path.of("../docs/api.md")));
		Set<String> named = new TreeSet<>();
		while (names.find()) {
			named.add(names.group());
		}
		return named;
	}

}
