package dev.lambdaruntime.webstarter;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import dev.lambdaruntime.emulator.LambdaEmulator;
import dev.lambdaruntime.emulator.LambdaEmulatorTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.web.server.servlet.ServletWebServerFactory;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real application with {@code spring-boot-starter-web} (Tomcat, Spring MVC) on its class path, served by the
 * runtime loop from the emulator: no web server starts unless the application asks for one, and off Lambda nothing
 * changes.
 */
@LambdaEmulatorTest
@ExtendWith(OutputCaptureExtension.class)
class WebStarterTests {

	private static final String NOT_STARTING = "Not starting the servlet web server: this application serves Lambda "
			+ "events (lambda.runtime.api is set), and nothing can reach a server's port there. "
			+ "Set spring.main.web-application-type=servlet to start it anyway";

	LambdaEmulator emulator;

	@Test
	void startsNoWebServerWhereTheRuntimeLoopServesTheFunction(CapturedOutput output) throws IOException {
		int port = freePort();
		try (ConfigurableApplicationContext context = run("--lambda.runtime.api=" + this.emulator.runtimeApi(),
				"--server.port=" + port)) {
			assertThat(context).isNotInstanceOf(WebServerApplicationContext.class);
			assertThat(context.getBeanNamesForType(ServletWebServerFactory.class)).isEmpty();
			assertThat(this.emulator.invoke("\"lambda\"").payloadAsString()).isEqualTo("\"LAMBDA\"");
			assertThat(isFree(port)).as("nothing listens on port %d", port).isTrue();
			assertThat(output).containsOnlyOnce(NOT_STARTING);
		}
	}

	@Test
	void startsTheWebServerTheApplicationAsksFor(CapturedOutput output) throws Exception {
		// The choice in a profile's application-server.properties: config data, read before the runtime decides.
		try (ConfigurableApplicationContext context = run("--lambda.runtime.api=" + this.emulator.runtimeApi(),
				"--spring.profiles.active=server", "--server.port=0")) {
			assertServes(context);
			assertThat(this.emulator.invoke("\"lambda\"").payloadAsString()).isEqualTo("\"LAMBDA\"");
			assertThat(output).doesNotContain("Not starting");
		}
	}

	@Test
	void startsTheWebServerAsUsualOffLambda(CapturedOutput output) throws Exception {
		try (ConfigurableApplicationContext context = run("--server.port=0")) {
			assertServes(context);
			assertThat(output).doesNotContain("Not starting");
		}
	}

	private static ConfigurableApplicationContext run(String... args) {
		return new SpringApplication(WebApplication.class).run(args);
	}

	private static void assertServes(ConfigurableApplicationContext context) throws Exception {
		assertThat(context).isInstanceOf(WebServerApplicationContext.class);
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		assertThat(isFree(port)).as("Tomcat listens on port %d", port).isFalse();
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/hello")).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(response.body()).isEqualTo("hello");
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static boolean isFree(int port) {
		try (ServerSocket socket = new ServerSocket()) {
			socket.bind(new InetSocketAddress(port));
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

}
