package dev.lambdaruntime.maven;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every deploy's template, with every option on, passes {@code cfn-lint} with no errors.
 */
class SamTemplateLintIT {

	@TempDir
	Path directory;

	@ParameterizedTest
	@EnumSource(Deploy.class)
	void theDefaultTemplatePassesCfnLint(Deploy deploy) throws Exception {
		lint(new SamTemplate(deploy, "greeter", 1024, 30, "java21", "com.example.GreeterApplication", null, true, null,
				null, false, List.of()));
	}

	@ParameterizedTest
	@EnumSource(Deploy.class)
	void aTemplateWithEveryOptionPassesCfnLint(Deploy deploy) throws Exception {
		List<EventSource> events = List.of(EventSource.parse("http-api", 0), EventSource.parse("rest-api", 1),
				EventSource.parse("sqs:arn:aws:sqs:eu-west-1:123456789012:orders", 2),
				EventSource.parse("sns:arn:aws:sns:eu-west-1:123456789012:alerts", 3),
				EventSource.parse("kinesis:arn:aws:kinesis:eu-west-1:123456789012:stream/readings", 4),
				EventSource.parse("dynamodb:arn:aws:dynamodb:eu-west-1:123456789012:table/orders/stream/2026-01-01T00:00:00.000", 5),
				EventSource.parse("schedule:rate(5 minutes)", 6));
		lint(new SamTemplate(deploy, "greeter", 2048, 60, "java25", "com.example.GreeterApplication", "greet", true,
				"{\"name\":\"primer\"}", "NONE", true, events));
	}

	private void lint(SamTemplate template) throws Exception {
		Path file = this.directory.resolve(SamTemplate.FILE);
		Files.writeString(file, template.yaml());
		CfnLint.assertNoErrors(file);
	}

}
