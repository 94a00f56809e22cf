package dev.lambdaruntime.maven;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SamTemplateTests {

	@Test
	void byDefaultDeploysManagedZipWithSnapStartOnAnAlias() {
		String yaml = template(Deploy.MANAGED, null, false).yaml();
		assertThat(yaml).contains("Transform: AWS::Serverless-2016-10-31\n")
			.contains("      Runtime: java21\n      Handler: dev.lambdaruntime.handler.FunctionRequestHandler\n"
					+ "      CodeUri: managed.zip\n      AutoPublishAlias: live\n"
					+ "      SnapStart:\n        ApplyOn: PublishedVersions\n")
			.contains("          MAIN_CLASS: \"com.example.GreeterApplication\"\n"
					+ "          SPRING_CLOUD_FUNCTION_DEFINITION: \"greet\"\n")
			.contains("    Default: \"greeter\"\n")
			.contains("      Architectures:\n        - x86_64\n")
			.doesNotContain("FunctionUrlConfig")
			.doesNotContain("Events:");
	}

	@Test
	void theZipDeployRunsFunctionZipOnTheOsOnlyRuntimeWithoutSnapStart() {
		String yaml = template(Deploy.ZIP, null, false).yaml();
		assertThat(yaml).contains("      Runtime: provided.al2023\n      Handler: bootstrap\n      CodeUri: function.zip\n")
			.doesNotContain("SnapStart:\n")
			.doesNotContain("MAIN_CLASS");
	}

	@Test
	void theImageDeployBuildsTheContainerContext() {
		String yaml = template(Deploy.IMAGE, null, false).yaml();
		assertThat(yaml).contains("      PackageType: Image\n")
			.contains("      SnapStart:\n        ApplyOn: PublishedVersions\n")
			.contains("    Metadata:\n      Dockerfile: Dockerfile\n      DockerContext: ./container\n")
			.doesNotContain("CodeUri")
			.doesNotContain("Runtime:");
	}

	@Test
	void aFunctionUrlStreamsWhenTheApplicationDoesAndOurLoopServesIt() {
		assertThat(template(Deploy.ZIP, "NONE", true).yaml())
			.contains("      FunctionUrlConfig:\n        AuthType: NONE\n        InvokeMode: RESPONSE_STREAM\n")
			.contains("    Value: !GetAtt FunctionUrl.FunctionUrl\n");
		assertThat(template(Deploy.IMAGE, "AWS_IAM", true).yaml()).contains("InvokeMode: RESPONSE_STREAM");
		// The managed runtime's client buffers what the handler writes.
		assertThat(template(Deploy.MANAGED, "AWS_IAM", true).yaml()).contains("InvokeMode: BUFFERED");
		assertThat(template(Deploy.ZIP, "AWS_IAM", false).yaml()).contains("InvokeMode: BUFFERED");
	}

	@Test
	void primingEventAndEventSourcesGoIn() {
		String yaml = new SamTemplate(Deploy.MANAGED, "greeter", 1024, 30, "java25", "com.example.GreeterApplication",
				null, true, "{\"name\":\"primer\"}", null, false, List.of(EventSource.parse("http-api", 0))).yaml();
		assertThat(yaml).contains("      Runtime: java25\n")
			.contains("          LAMBDA_RUNTIME_PRIMING_EVENT: \"{\\\"name\\\":\\\"primer\\\"}\"\n")
			.contains("      Events:\n        HttpApi1:\n          Type: HttpApi\n")
			.doesNotContain("SPRING_CLOUD_FUNCTION_DEFINITION");
	}

	@Test
	void quotesAsJsonStrings() {
		assertThat(SamTemplate.quote("a \"b\"\\\n")).isEqualTo("\"a \\\"b\\\"\\\\\\n\"");
	}

	private static SamTemplate template(Deploy deploy, String functionUrl, boolean streaming) {
		return new SamTemplate(deploy, "greeter", 1024, 30, "java21", "com.example.GreeterApplication", "greet", true,
				null, functionUrl, streaming, List.of());
	}

}
