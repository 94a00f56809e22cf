package dev.lambdaruntime.sample;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.lambdaruntime.emulator.InvokeResult;
import dev.lambdaruntime.emulator.LambdaEmulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Secrets in the environment and in events never reach the logs (at INFO, the default) or the error reports: the
 * packaged jar as a process, with AWS credentials and a token in its environment, and events that carry secrets
 * into a function that fails, one that succeeds, and a conversion that fails.
 */
class SecretsIT {

	private static final Map<String, String> ENVIRONMENT = Map.of("AWS_ACCESS_KEY_ID", "AKIASECRETKEYID00001",
			"AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI-secret-access-key-0001", "AWS_SESSION_TOKEN",
			"IQoJb3JpZ2luX2VjEsession-token-0001", "GITHUB_TOKEN", "ghp_secretgithubtoken0001");

	private static final List<String> EVENT_SECRETS = List.of("4111111111111111", "event-password-0001",
			"unquoted-secret-0001", "header-secret-0001");

	@TempDir
	Path logs;

	@Test
	void secretsReachNeitherTheLogNorTheErrorReports() throws Exception {
		List<String> reports = new ArrayList<>();
		for (String function : List.of("fail", "greet", "orders")) {
			try (LambdaEmulator emulator = LambdaEmulator.builder()
				.timeout(Duration.ofSeconds(60))
				.initTimeout(SampleProcess.INIT_LIMIT)
				.build()
				.start()) {
				File log = this.logs.resolve(function + ".log").toFile();
				Process process = SampleProcess.start(emulator, function, ENVIRONMENT, log,
						SampleProcess.QUICK_START);
				try {
					reports.add(answer(emulator.invoke("{\"card\":\"4111111111111111\",\"password\":\"event-password-0001\"}")));
					reports.add(answer(emulator.invoke("{\"name\": unquoted-secret-0001}")));
					reports.add(answer(emulator.invoke("{\"httpMethod\":\"POST\",\"path\":\"/orders\",\"resource\":\"/orders\","
							+ "\"headers\":{\"Authorization\":\"Bearer header-secret-0001\"},\"requestContext\":{},"
							+ "\"body\":\"{\\\"item\\\":\\\"unquoted-secret-0001\\\"\",\"isBase64Encoded\":false}")));
				}
				finally {
					process.destroy();
					process.waitFor(30, TimeUnit.SECONDS);
				}
				String written = Files.readString(log.toPath());
				assertThat(written).contains("Lambda runtime started");
				ENVIRONMENT.values().forEach((secret) -> assertThat(written).as(function + " log").doesNotContain(secret));
				EVENT_SECRETS.forEach((secret) -> assertThat(written).as(function + " log").doesNotContain(secret));
			}
		}
		assertThat(reports).anySatisfy((report) -> assertThat(report).contains("\"errorType\""));
		for (String report : reports) {
			ENVIRONMENT.values().forEach((secret) -> assertThat(report).doesNotContain(secret));
			assertThat(report).doesNotContain("event-password-0001", "header-secret-0001", "unquoted-secret-0001");
		}
	}

	/**
	 * An error report; a successful answer is the function's own business and not looked at.
	 */
	private static String answer(InvokeResult result) {
		return (result.functionError() != null) ? result.payloadAsString() : "";
	}

}
