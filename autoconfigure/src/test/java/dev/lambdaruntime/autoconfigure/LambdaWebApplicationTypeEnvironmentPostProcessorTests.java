package dev.lambdaruntime.autoconfigure;

import java.util.Map;

import dev.lambdaruntime.handler.ManagedHandlerMarker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.mock.env.MockPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link LambdaWebApplicationTypeEnvironmentPostProcessor}. The application's type is set here as Spring
 * Boot would deduce it from a web starter; the web starter itself is on the class path of the web-starter-tests
 * module, where real applications start with it.
 */
@ExtendWith(OutputCaptureExtension.class)
class LambdaWebApplicationTypeEnvironmentPostProcessorTests {

	private static final String TYPE = "spring.main.web-application-type";

	private final LambdaWebApplicationTypeEnvironmentPostProcessor processor =
			new LambdaWebApplicationTypeEnvironmentPostProcessor((DeferredLogFactory) (log) -> log.get());

	private final StandardEnvironment environment = new StandardEnvironment();

	private final MockPropertySource settings = new MockPropertySource("settings");

	private final SpringApplication application = new SpringApplication();

	LambdaWebApplicationTypeEnvironmentPostProcessorTests() {
		this.environment.getPropertySources().addFirst(this.settings);
		this.application.setWebApplicationType(WebApplicationType.SERVLET);
	}

	@Test
	void defaultsToNoServerWhereTheRuntimeLoopServesTheFunction(CapturedOutput output) {
		this.settings.setProperty("AWS_LAMBDA_RUNTIME_API", "127.0.0.1:9001");
		process();
		assertThat(this.environment.getProperty(TYPE)).isEqualTo("none");
		assertThat(output).containsOnlyOnce("Not starting the servlet web server: this application serves Lambda "
				+ "events (AWS_LAMBDA_RUNTIME_API is set), and nothing can reach a server's port there. "
				+ "Set spring.main.web-application-type=servlet to start it anyway");
	}

	@Test
	void ranksBelowEveryOtherPropertySource() {
		this.settings.setProperty("lambda.runtime.api", "127.0.0.1:9001");
		process();
		PropertySource<?> last = this.environment.getPropertySources().stream()
			.reduce((first, second) -> second)
			.orElseThrow();
		assertThat(last.getName()).isEqualTo(LambdaWebApplicationTypeEnvironmentPostProcessor.PROPERTY_SOURCE_NAME);
	}

	@Test
	void namesTheReactiveServerForAReactiveApplication(CapturedOutput output) {
		this.application.setWebApplicationType(WebApplicationType.REACTIVE);
		this.settings.setProperty("lambda.runtime.api", "127.0.0.1:9001");
		process();
		assertThat(this.environment.getProperty(TYPE)).isEqualTo("none");
		assertThat(output).contains("Not starting the reactive web server")
			.contains("(lambda.runtime.api is set)")
			.contains("Set spring.main.web-application-type=reactive to start it anyway");
	}

	@Test
	void defaultsToNoServerForTheManagedRuntimesHandler(CapturedOutput output) {
		this.settings.setProperty("AWS_EXECUTION_ENV", "AWS_Lambda_java21");
		ManagedHandlerMarker.mark(this.application);
		process();
		assertThat(this.environment.getProperty(TYPE)).isEqualTo("none");
		assertThat(output).contains("(the managed Java runtime's handler started the application)");
	}

	@Test
	void leavesTheApplicationsOwnChoiceAlone(CapturedOutput output) {
		this.settings.setProperty("lambda.runtime.api", "127.0.0.1:9001");
		this.settings.setProperty(TYPE, "servlet");
		process();
		assertThat(this.environment.getProperty(TYPE)).isEqualTo("servlet");
		assertNothingAdded(output);
	}

	@Test
	void leavesAChoiceInTheProcessEnvironmentAlone(CapturedOutput output) {
		// As Lambda's variable and the user's SPRING_MAIN_WEBAPPLICATIONTYPE arrive: both in the process environment.
		String name = StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME;
		this.environment.getPropertySources()
			.replace(name, new SystemEnvironmentPropertySource(name,
					Map.of("SPRING_MAIN_WEBAPPLICATIONTYPE", "servlet", "AWS_LAMBDA_RUNTIME_API", "127.0.0.1:9001")));
		process();
		assertNothingAdded(output);
	}

	@Test
	void leavesTheManagedRuntimesHandlerTheApplicationsChoice(CapturedOutput output) {
		this.settings.setProperty(TYPE, "reactive");
		ManagedHandlerMarker.mark(this.application);
		process();
		assertThat(this.environment.getProperty(TYPE)).isEqualTo("reactive");
		assertNothingAdded(output);
	}

	@Test
	void changesNothingWithoutARuntimeApi(CapturedOutput output) {
		process();
		assertNothingAdded(output);
	}

	@Test
	void changesNothingUnderAManagedJavaRuntimesOwnHandler(CapturedOutput output) {
		// Another handler polls there (Spring Cloud Function's, say): this runtime serves nothing.
		this.settings.setProperty("AWS_LAMBDA_RUNTIME_API", "127.0.0.1:9001");
		this.settings.setProperty("AWS_EXECUTION_ENV", "AWS_Lambda_java21");
		process();
		assertNothingAdded(output);
	}

	@Test
	void changesNothingWhenTheRuntimeIsDisabled(CapturedOutput output) {
		this.settings.setProperty("lambda.runtime.api", "127.0.0.1:9001");
		this.settings.setProperty("lambda.runtime.enabled", "false");
		process();
		assertNothingAdded(output);
	}

	@Test
	void saysNothingWhenNoServerWouldStart(CapturedOutput output) {
		this.application.setWebApplicationType(WebApplicationType.NONE);
		this.settings.setProperty("lambda.runtime.api", "127.0.0.1:9001");
		process();
		assertNothingAdded(output);
	}

	private void process() {
		this.processor.postProcessEnvironment(this.environment, this.application);
	}

	private void assertNothingAdded(CapturedOutput output) {
		assertThat(this.environment.getPropertySources()
			.contains(LambdaWebApplicationTypeEnvironmentPostProcessor.PROPERTY_SOURCE_NAME)).isFalse();
		assertThat(output).doesNotContain("web server");
	}

}
