package dev.lambdaruntime.logging;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.mock.env.MockPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link LambdaLoggingEnvironmentPostProcessor}.
 */
@ExtendWith(OutputCaptureExtension.class)
class LambdaLoggingEnvironmentPostProcessorTests {

	private final LambdaLoggingEnvironmentPostProcessor processor = new LambdaLoggingEnvironmentPostProcessor(
			(DeferredLogFactory) (log) -> log.get());

	private final StandardEnvironment environment = new StandardEnvironment();

	private final MockPropertySource variables = new MockPropertySource("variables");

	@Test
	void selectsLambdasJsonFormatForJson() {
		process("AWS_LAMBDA_LOG_FORMAT", "JSON");
		assertThat(this.environment.getProperty("logging.structured.format.console"))
			.isEqualTo(LambdaJsonLogFormatter.class.getName());
		assertThat(this.environment.getProperty("logging.pattern.correlation")).isNull();
	}

	@Test
	void leavesAStructuredFormatTheApplicationChoseAlone() {
		this.variables.setProperty("logging.structured.format.console", "ecs");
		process("AWS_LAMBDA_LOG_FORMAT", "JSON");
		assertThat(this.environment.getProperty("logging.structured.format.console")).isEqualTo("ecs");
		assertThat(this.environment.getPropertySources()
			.contains(LambdaLoggingEnvironmentPostProcessor.PROPERTY_SOURCE_NAME)).isFalse();
	}

	@Test
	void addsTheRequestIdToTheTextFormat() {
		process("AWS_LAMBDA_LOG_FORMAT", "TEXT");
		assertThat(this.environment.getProperty("logging.pattern.correlation"))
			.isEqualTo("%correlationId{AWSRequestId(36)}");
		assertThat(this.environment.getProperty("logging.structured.format.console")).isNull();
	}

	@Test
	void addsTheRequestIdToTheTextFormatWhereverTheRuntimeApiIsSet() {
		process("AWS_LAMBDA_RUNTIME_API", "127.0.0.1:9001");
		assertThat(this.environment.getProperty("logging.pattern.correlation")).contains("AWSRequestId");
	}

	@Test
	void changesNothingOffLambda() {
		process("SOMETHING_ELSE", "1");
		assertThat(this.environment.getPropertySources()
			.contains(LambdaLoggingEnvironmentPostProcessor.PROPERTY_SOURCE_NAME)).isFalse();
	}

	@ParameterizedTest
	@CsvSource({ "TRACE, TRACE", "DEBUG, DEBUG", "INFO, INFO", "WARN, WARN", "ERROR, ERROR", "FATAL, FATAL",
			"warn, WARN" })
	void mapsLambdasLogLevelToTheRootLevel(String lambdaLevel, String rootLevel) {
		process("AWS_LAMBDA_LOG_LEVEL", lambdaLevel);
		assertThat(this.environment.getProperty("logging.level.root")).isEqualTo(rootLevel);
	}

	@Test
	void ignoresALevelLambdaDoesNotHaveWithAWarningThatNamesTheVariable(CapturedOutput output) {
		process("AWS_LAMBDA_LOG_LEVEL", "VERBOSE");
		assertThat(this.environment.getProperty("logging.level.root")).isNull();
		assertThat(output).contains("Ignoring AWS_LAMBDA_LOG_LEVEL=VERBOSE: Lambda's levels are TRACE, DEBUG, INFO, "
				+ "WARN, ERROR and FATAL");
	}

	@Test
	void keepsTheTextFormatForAFormatLambdaDoesNotHaveWithAWarningThatNamesTheVariable(CapturedOutput output) {
		process("AWS_LAMBDA_LOG_FORMAT", "XML");
		assertThat(this.environment.getProperty("logging.pattern.correlation")).contains("AWSRequestId");
		assertThat(this.environment.getProperty("logging.structured.format.console")).isNull();
		assertThat(output).contains("Ignoring AWS_LAMBDA_LOG_FORMAT=XML: Lambda's formats are TEXT and JSON");
	}

	@Test
	void leavesARootLevelTheApplicationSetAlone() {
		// As Lambda's variables and the user's LOGGING_LEVEL_ROOT arrive: both in the process environment.
		this.environment.getPropertySources()
			.addFirst(new SystemEnvironmentPropertySource("env",
					Map.of("LOGGING_LEVEL_ROOT", "DEBUG", "AWS_LAMBDA_LOG_LEVEL", "ERROR")));
		this.processor.postProcessEnvironment(this.environment, new SpringApplication());
		assertThat(this.environment.getProperty("logging.level.root")).isEqualTo("DEBUG");
	}

	@Test
	void ranksBelowEveryOtherPropertySource() {
		process("AWS_LAMBDA_LOG_FORMAT", "JSON");
		assertThat(this.environment.getPropertySources().stream().reduce((first, second) -> second).orElseThrow()
			.getName()).isEqualTo(LambdaLoggingEnvironmentPostProcessor.PROPERTY_SOURCE_NAME);
	}

	private void process(String name, String value) {
		this.variables.setProperty(name, value);
		this.environment.getPropertySources().addFirst(this.variables);
		this.processor.postProcessEnvironment(this.environment, new SpringApplication());
	}

}
