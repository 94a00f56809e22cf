package dev.lambdaruntime.maven;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * What the build can read of the application's own configuration ({@code application.properties} or
 * {@code application.yml} among its resources): whether it streams responses.
 */
final class ApplicationProperties {

	static final String RESPONSE_STREAMING = "lambda.runtime.response-streaming";

	private ApplicationProperties() {
	}

	/**
	 * Whether {@code lambda.runtime.response-streaming} is {@code true}.
	 * @param classes the application's classes and resources
	 * @return whether responses are streamed
	 */
	static boolean responseStreaming(Path classes) throws IOException {
		Path properties = classes.resolve("application.properties");
		if (Files.isRegularFile(properties)) {
			Properties values = new Properties();
			try (Reader reader = Files.newBufferedReader(properties)) {
				values.load(reader);
			}
			if (Boolean.parseBoolean(values.getProperty(RESPONSE_STREAMING, "").trim())) {
				return true;
			}
		}
		for (String name : new String[] { "application.yml", "application.yaml" }) {
			Path yaml = classes.resolve(name);
			// The flat form, or the nested key's own line: enough for a build-time default the plugin's
			// responseStreaming parameter can override.
			if (Files.isRegularFile(yaml) && Files.readAllLines(yaml)
				.stream()
				.map(String::trim)
				.anyMatch((line) -> line.matches("(lambda\\.runtime\\.)?response-streaming:\\s*true\\s*(#.*)?"))) {
				return true;
			}
		}
		return false;
	}

}
