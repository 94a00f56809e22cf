package dev.lambdaruntime.handler;

import java.nio.charset.StandardCharsets;

import dev.lambdaruntime.api.Invocation;
import dev.lambdaruntime.webstarter.WebApplication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link FunctionRequestHandler} starting an application with {@code spring-boot-starter-web} on its class path, as
 * the managed Java runtime would: no web server. In the handler's package, for its package-private set of started
 * applications, which the test closes.
 */
@ExtendWith(OutputCaptureExtension.class)
class FunctionRequestHandlerWebStarterTests {

	private final ManagedApplications applications = new ManagedApplications();

	@AfterEach
	void closeApplications() {
		this.applications.close();
	}

	@Test
	void startsNoWebServer(CapturedOutput output) throws Exception {
		ManagedApplication application = new FunctionRequestHandler(WebApplication.class, this.applications)
			.application();
		assertThat(application.context()).isNotInstanceOf(WebServerApplicationContext.class);
		Invocation invocation = Invocation.builder("req-1", "\"lambda\"".getBytes(StandardCharsets.UTF_8)).build();
		assertThat(application.handler().handle(invocation).body()).asString(StandardCharsets.UTF_8)
			.isEqualTo("\"LAMBDA\"");
		assertThat(output).containsOnlyOnce("Not starting the servlet web server: this application serves Lambda "
				+ "events (the managed Java runtime's handler started the application)");
	}

}
