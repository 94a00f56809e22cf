package dev.lambdaruntime.maven;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * AWS's template linter, {@code cfn-lint} (from PyPI; {@code .ci/run} installs it): it expands SAM's transform and
 * checks the result against CloudFormation's resource specification.
 */
final class CfnLint {

	private CfnLint() {
	}

	/**
	 * Lints a template and asserts that it has no errors (warnings are fine).
	 * @param template the template
	 */
	static void assertNoErrors(Path template) throws IOException, InterruptedException {
		Process process;
		try {
			process = new ProcessBuilder(List.of("cfn-lint", "--format", "parseable", "--", template.toString()))
				.redirectErrorStream(true)
				.start();
		}
		catch (IOException ex) {
			throw new IllegalStateException("cfn-lint is not installed: pip install cfn-lint (.ci/run does)", ex);
		}
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
		// Exit status: bit 1 (2) errors, bit 2 (4) warnings, bit 3 (8) informational; 0 clean.
		assertThat(process.exitValue() & 3).as("cfn-lint on %s:%n%s", template, output).isZero();
	}

}
