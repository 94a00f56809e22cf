package dev.lambdaruntime.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The configuration metadata the build packages (what IDEs complete) holds every {@code lambda.runtime.*} property
 * docs/configuration.md documents (a map property as {@code name.*}), and no other: the configuration processor cannot drop out of the build unnoticed.
 */
class ConfigurationMetadataTests {

	private static final Pattern DOCUMENTED = Pattern.compile("^\\| `(lambda\\.runtime\\.[a-z.-]+?)(?:\\.\\*)?` \\|",
			Pattern.MULTILINE);

	@Test
	void packagedMetadataHoldsEveryDocumentedProperty() throws IOException {
		Set<String> documented = documented();
		assertThat(documented).contains("lambda.runtime.enabled", "lambda.runtime.api",
				"lambda.runtime.events.enabled");
		assertThat(packaged()).containsExactlyInAnyOrderElementsOf(documented);
	}

	private static Set<String> documented() throws IOException {
		Matcher properties = DOCUMENTED.matcher(Files.readString(Path.of("../docs/configuration.md")));
		Set<String> names = new TreeSet<>();
		while (properties.find()) {
			names.add(properties.group(1));
		}
		return names;
	}

	private static Set<String> packaged() throws IOException {
		Set<String> names = new TreeSet<>();
		for (URL url : Collections.list(ConfigurationMetadataTests.class.getClassLoader()
			.getResources("META-INF/spring-configuration-metadata.json"))) {
			try (InputStream in = url.openStream()) {
				for (JsonNode property : JsonMapper.shared().readTree(in).path("properties")) {
					String name = property.get("name").asString();
					if (name.startsWith("lambda.runtime.")) {
						names.add(name);
					}
				}
			}
		}
		return names;
	}

}
