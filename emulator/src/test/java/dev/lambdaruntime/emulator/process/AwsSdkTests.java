package dev.lambdaruntime.emulator.process;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;

import dev.lambdaruntime.emulator.EchoRuntime;
import dev.lambdaruntime.emulator.LambdaEmulator;
import dev.lambdaruntime.emulator.LambdaEmulatorTest;
import dev.lambdaruntime.emulator.TestJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.LogType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The AWS SDK for Java v2's {@code LambdaClient} against the emulator's Invoke API.
 */
@LambdaEmulatorTest
class AwsSdkTests {

	@Test
	void normalResult(LambdaEmulator emulator) {
		EchoRuntime.start(emulator);
		try (LambdaClient lambda = client(emulator.runtimeApi())) {
			InvokeResponse response = lambda.invoke((request) -> request.functionName("function")
				.payload(SdkBytes.fromUtf8String("{\"sdk\":true}")));
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.payload().asUtf8String()).isEqualTo("echo:{\"sdk\":true}");
			assertThat(response.functionError()).isNull();
			assertThat(response.executedVersion()).isEqualTo("$LATEST");
		}
	}

	@Test
	void functionError(LambdaEmulator emulator) {
		EchoRuntime.start(emulator);
		try (LambdaClient lambda = client(emulator.runtimeApi())) {
			InvokeResponse response = lambda.invoke((request) -> request.functionName("function")
				.payload(SdkBytes.fromUtf8String("\"fail\"")));
			assertThat(response.functionError()).isEqualTo("Unhandled");
			assertThat(TestJson.parse(response.payload().asUtf8String())).containsEntry("errorMessage", "bad input");
		}
	}

	@Test
	void logTailFromARealBootstrap(@TempDir Path taskRoot) throws Exception {
		ProcessLambda.install(taskRoot);
		try (ProcessLambda process = new ProcessLambda(taskRoot);
				LambdaClient lambda = client(process.start("--port", "0", "--", "./bootstrap").runtimeApi())) {
			InvokeResponse response = lambda.invoke((request) -> request
				.functionName("arn:aws:lambda:us-east-1:000000000000:function:function")
				.logType(LogType.TAIL)
				.payload(SdkBytes.fromUtf8String("{\"tail\":1}")));
			assertThat(response.payload().asUtf8String()).isEqualTo("{\"echo\":{\"tail\":1}}");
			String log = new String(Base64.getDecoder().decode(response.logResult()), StandardCharsets.UTF_8);
			assertThat(log).contains("START RequestId: ", "handling {\"tail\":1}", "END RequestId: ",
					"REPORT RequestId: ");
		}
	}

	private static LambdaClient client(String runtimeApi) {
		return LambdaClient.builder()
			.endpointOverride(URI.create("http://" + runtimeApi))
			.region(Region.US_EAST_1)
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
			.httpClient(UrlConnectionHttpClient.create())
			.build();
	}

}
