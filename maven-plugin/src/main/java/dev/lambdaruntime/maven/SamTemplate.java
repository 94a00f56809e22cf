package dev.lambdaruntime.maven;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * An AWS SAM template for one function, next to the artifacts it deploys ({@code managed.zip}, {@code function.zip}
 * or {@code container/}).
 *
 * @param deploy which deploy it describes
 * @param functionName the function's name (the {@code FunctionName} parameter's default)
 * @param memorySize memory in MB (the {@code MemorySize} parameter's default)
 * @param timeout timeout in seconds (the {@code Timeout} parameter's default)
 * @param managedRuntime {@code java21} or {@code java25}, for the managed deploy
 * @param mainClass the Spring Boot application class ({@code MAIN_CLASS}, managed deploy)
 * @param functionDefinition {@code SPRING_CLOUD_FUNCTION_DEFINITION}, or {@code null} for the application's own
 * @param snapStart whether the managed and the image deploy turn SnapStart on for published versions
 * @param primingEvent {@code LAMBDA_RUNTIME_PRIMING_EVENT}, or {@code null}
 * @param functionUrl the Function URL's auth type ({@code AWS_IAM} or {@code NONE}), or {@code null} for none
 * @param responseStreaming whether the application streams responses ({@code lambda.runtime.response-streaming})
 * @param eventSources the event sources
 */
record SamTemplate(Deploy deploy, String functionName, int memorySize, int timeout, String managedRuntime,
		String mainClass, @Nullable String functionDefinition, boolean snapStart, @Nullable String primingEvent,
		@Nullable String functionUrl, boolean responseStreaming, List<EventSource> eventSources) {

	static final String FILE = "template.yaml";

	static final String HANDLER = "dev.lambdaruntime.handler.FunctionRequestHandler";

	static final String ALIAS = "live";

	/**
	 * The template.
	 * @return YAML
	 */
	String yaml() {
		StringBuilder yaml = new StringBuilder();
		yaml.append("# AWS SAM template for ").append(this.functionName).append(", written by lambda-runtime-maven-plugin")
			.append(" (deploy: ").append(this.deploy.name().toLowerCase(java.util.Locale.ROOT)).append("). From the project:\n")
			.append("#   sam build --template-file target/lambda/template.yaml\n")
			.append("#   sam deploy --guided\n");
		yaml.append("AWSTemplateFormatVersion: \"2010-09-09\"\n");
		yaml.append("Transform: AWS::Serverless-2016-10-31\n");
		yaml.append("Description: ").append(quote(this.functionName + " on AWS Lambda: " + describe())).append("\n\n");
		parameters(yaml);
		yaml.append("Resources:\n");
		yaml.append("  Function:\n");
		yaml.append("    Type: AWS::Serverless::Function\n");
		yaml.append("    Properties:\n");
		yaml.append("      FunctionName: !Ref FunctionName\n");
		yaml.append("      MemorySize: !Ref MemorySize\n");
		yaml.append("      Timeout: !Ref Timeout\n");
		yaml.append("      Architectures:\n");
		yaml.append("        - x86_64\n");
		code(yaml);
		yaml.append("      AutoPublishAlias: ").append(ALIAS).append('\n');
		if (this.deploy != Deploy.ZIP && this.snapStart) {
			// The managed runtime, or an image whose runtime (our loop) implements /runtime/restore/next.
			yaml.append("      SnapStart:\n");
			yaml.append("        ApplyOn: PublishedVersions\n");
		}
		environment(yaml);
		if (this.functionUrl != null) {
			yaml.append("      FunctionUrlConfig:\n");
			yaml.append("        AuthType: ").append(this.functionUrl).append('\n');
			yaml.append("        InvokeMode: ").append(streams() ? "RESPONSE_STREAM" : "BUFFERED").append('\n');
		}
		events(yaml);
		if (this.deploy == Deploy.IMAGE) {
			yaml.append("    Metadata:\n");
			yaml.append("      Dockerfile: Dockerfile\n");
			yaml.append("      DockerContext: ./").append(ContainerContext.DIRECTORY).append('\n');
			yaml.append("      DockerTag: latest\n");
		}
		outputs(yaml);
		return yaml.toString();
	}

	private String describe() {
		return switch (this.deploy) {
			case MANAGED -> "managed " + this.managedRuntime + " runtime behind FunctionRequestHandler"
					+ (this.snapStart ? ", SnapStart" : "");
			case ZIP -> "custom runtime (provided.al2023), jlinked JRE and AOT cache";
			case IMAGE -> "container image, our runtime loop as entry point" + (this.snapStart ? ", SnapStart" : "");
		};
	}

	private void parameters(StringBuilder yaml) {
		yaml.append("Parameters:\n");
		yaml.append("  FunctionName:\n");
		yaml.append("    Type: String\n");
		yaml.append("    Default: ").append(quote(this.functionName)).append('\n');
		yaml.append("    Description: \"The Lambda function's name\"\n");
		yaml.append("  MemorySize:\n");
		yaml.append("    Type: Number\n");
		yaml.append("    Default: ").append(this.memorySize).append('\n');
		yaml.append("    MinValue: 128\n");
		yaml.append("    MaxValue: 10240\n");
		yaml.append("    Description: \"Memory in MB; Lambda's CPU share grows with it\"\n");
		yaml.append("  Timeout:\n");
		yaml.append("    Type: Number\n");
		yaml.append("    Default: ").append(this.timeout).append('\n');
		yaml.append("    MinValue: 1\n");
		yaml.append("    MaxValue: 900\n");
		yaml.append("    Description: \"Timeout in seconds\"\n\n");
	}

	private void code(StringBuilder yaml) {
		switch (this.deploy) {
			case MANAGED -> {
				yaml.append("      Runtime: ").append(this.managedRuntime).append('\n');
				yaml.append("      Handler: ").append(HANDLER).append('\n');
				yaml.append("      CodeUri: ").append(ManagedZip.FILE).append('\n');
			}
			case ZIP -> {
				// The handler is not read: SPRING_CLOUD_FUNCTION_DEFINITION names the function.
				yaml.append("      Runtime: provided.al2023\n");
				yaml.append("      Handler: bootstrap\n");
				yaml.append("      CodeUri: ").append(FunctionZip.FILE).append('\n');
			}
			case IMAGE -> {
				yaml.append("      PackageType: Image\n");
			}
		}
	}

	private void environment(StringBuilder yaml) {
		Map<String, String> variables = new LinkedHashMap<>();
		if (this.deploy == Deploy.MANAGED) {
			variables.put("MAIN_CLASS", this.mainClass);
		}
		if (this.functionDefinition != null) {
			variables.put("SPRING_CLOUD_FUNCTION_DEFINITION", this.functionDefinition);
		}
		if (this.primingEvent != null) {
			variables.put("LAMBDA_RUNTIME_PRIMING_EVENT", this.primingEvent);
		}
		if (variables.isEmpty()) {
			return;
		}
		yaml.append("      Environment:\n");
		yaml.append("        Variables:\n");
		variables.forEach((name, value) -> yaml.append("          ").append(name).append(": ").append(quote(value))
			.append('\n'));
	}

	private void events(StringBuilder yaml) {
		if (this.eventSources.isEmpty()) {
			return;
		}
		yaml.append("      Events:\n");
		for (EventSource event : this.eventSources) {
			yaml.append("        ").append(event.name()).append(":\n");
			yaml.append("          Type: ").append(event.type()).append('\n');
			if (!event.properties().isEmpty()) {
				yaml.append("          Properties:\n");
				event.properties().forEach((line) -> yaml.append("            ").append(line).append('\n'));
			}
		}
	}

	private void outputs(StringBuilder yaml) {
		yaml.append("\nOutputs:\n");
		yaml.append("  FunctionArn:\n");
		yaml.append("    Description: \"The function\"\n");
		yaml.append("    Value: !GetAtt Function.Arn\n");
		yaml.append("  FunctionAlias:\n");
		yaml.append("    Description: ").append(quote("The '" + ALIAS + "' alias, which published versions go to"
				+ ((this.deploy != Deploy.ZIP && this.snapStart) ? ": invoke it, not $LATEST, for SnapStart" : "")))
			.append('\n');
		yaml.append("    Value: !Ref Function.Alias\n");
		if (this.functionUrl != null) {
			yaml.append("  FunctionUrl:\n");
			yaml.append("    Description: \"The function's URL (on the alias)\"\n");
			yaml.append("    Value: !GetAtt FunctionUrl.FunctionUrl\n");
		}
	}

	/** Our loop streams to a Function URL; the managed runtime's client buffers what the handler writes. */
	private boolean streams() {
		return this.responseStreaming && this.deploy != Deploy.MANAGED;
	}

	/**
	 * A YAML double-quoted scalar (JSON's string syntax, which YAML reads the same).
	 * @param value the text
	 * @return the quoted text
	 */
	static String quote(String value) {
		StringBuilder quoted = new StringBuilder("\"");
		for (char c : value.toCharArray()) {
			switch (c) {
				case '"' -> quoted.append("\\\"");
				case '\\' -> quoted.append("\\\\");
				case '\n' -> quoted.append("\\n");
				case '\r' -> quoted.append("\\r");
				case '\t' -> quoted.append("\\t");
				default -> {
					if (c < 0x20) {
						quoted.append(String.format("\\u%04x", (int) c));
					}
					else {
						quoted.append(c);
					}
				}
			}
		}
		return quoted.append('"').toString();
	}

}
