package dev.lambdaruntime.maven;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InvokeLinesTests {

	private final InvokeLines lines = new InvokeLines(9000, Path.of("/work/repo/sample-app"), Path.of("/work/repo"));

	@Test
	void printsTheFunctionsSampleEventShellQuoted() {
		assertThat(this.lines.lines("greet", Map.of("greet", "{\"name\":\"it's me\"}"))).containsExactly(
				"Function 'greet' is running on a local Lambda emulator. Invoke it with:",
				"  curl -d '{\"name\":\"it'\\''s me\"}' http://localhost:9000/2015-03-31/functions/function/invocations",
				"Stop with Ctrl+C.");
	}

	@Test
	void namesAnEventFileFromWhereMavenRan() {
		assertThat(this.lines.lines("orders", Map.of("orders", "@src/test/resources/events/post-orders.json")).get(1))
			.isEqualTo("  curl -d @sample-app/src/test/resources/events/post-orders.json "
					+ "http://localhost:9000/2015-03-31/functions/function/invocations");
	}

	@Test
	void sendsAnEmptyObjectWithoutASampleEvent() {
		assertThat(this.lines.lines("", Map.of())).containsExactly(
				"The application's function is running on a local Lambda emulator. Invoke it with:",
				"  curl -d '{}' http://localhost:9000/2015-03-31/functions/function/invocations", "Stop with Ctrl+C.");
	}

}
