package dev.lambdaruntime.sample;

import dev.lambdaruntime.emulator.LambdaEmulator;

import org.springframework.boot.SpringApplication;

/**
 * Runs the sample on an embedded Lambda emulator, for {@code ./mvnw -Plocal}: the emulator serves the Invoke API on
 * port 9000 ({@code -Dlambda.emulator.port} to change it) and the runtime loop serves the function named by
 * {@code SPRING_CLOUD_FUNCTION_DEFINITION} ({@code greet} by default).
 */
public final class LocalSampleApplication {

	private LocalSampleApplication() {
	}

	public static void main(String[] args) {
		int port = Integer.getInteger("lambda.emulator.port", 9000);
		String function = System.getenv().getOrDefault("SPRING_CLOUD_FUNCTION_DEFINITION", "greet");
		LambdaEmulator emulator = LambdaEmulator.builder().port(port).build().start();
		Runtime.getRuntime().addShutdownHook(new Thread(emulator::close, "lambda-emulator-close"));
		SpringApplication.run(SampleApplication.class, "--lambda.runtime.api=" + emulator.runtimeApi(),
				"--spring.cloud.function.definition=" + function);
		System.out.printf("%nFunction '%s' is running on a local Lambda emulator. Invoke it with:%n"
				+ "  curl -d %s http://localhost:%d/2015-03-31/functions/function/invocations%n"
				+ "Stop with Ctrl+C.%n%n", function, example(function), port);
	}

	private static String example(String function) {
		// Shell-quoted curl data: a literal, or an AWS event from the sample's test resources (run from the root).
		return switch (function) {
			case "uppercase", "fail", "requestInfo" -> "'\"hello lambda\"'";
			case "stats" -> "'{\"sensor\":\"a\",\"value\":2.0}'";
			case "slow" -> "'{\"ms\":200}'";
			case "orders" -> "@sample-app/src/test/resources/events/post-orders.json";
			case "ingest" -> "@sample-app/src/test/resources/events/sqs-orders.json";
			default -> "'{\"name\":\"lambda\"}'";
		};
	}

}
