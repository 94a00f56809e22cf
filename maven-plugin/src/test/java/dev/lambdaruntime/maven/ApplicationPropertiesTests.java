package dev.lambdaruntime.maven;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class ApplicationPropertiesTests {

	@TempDir
	Path classes;

	@Test
	void readsResponseStreamingFromApplicationProperties() throws Exception {
		Files.writeString(this.classes.resolve("application.properties"), "lambda.runtime.response-streaming = true\n");
		assertThat(ApplicationProperties.responseStreaming(this.classes)).isTrue();
	}

	@Test
	void readsItFromApplicationYaml() throws Exception {
		Files.writeString(this.classes.resolve("application.yml"),
				"lambda:\n  runtime:\n    response-streaming: true  # a Flux result\n");
		assertThat(ApplicationProperties.responseStreaming(this.classes)).isTrue();
	}

	@Test
	void isOffByDefault() throws Exception {
		assertThat(ApplicationProperties.responseStreaming(this.classes)).isFalse();
		Files.writeString(this.classes.resolve("application.properties"), "lambda.runtime.response-streaming=false\n");
		assertThat(ApplicationProperties.responseStreaming(this.classes)).isFalse();
	}

}
