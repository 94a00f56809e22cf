package dev.lambdaruntime.api;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link LambdaEnvironment}.
 */
class LambdaEnvironmentTests {

	private final Map<String, String> variables = new HashMap<>();

	@Test
	void readsEveryVariable() {
		this.variables.put("AWS_LAMBDA_RUNTIME_API", "127.0.0.1:9001");
		this.variables.put("_HANDLER", "greet");
		this.variables.put("LAMBDA_TASK_ROOT", "/var/task");
		this.variables.put("AWS_LAMBDA_FUNCTION_NAME", "greeter");
		this.variables.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
		this.variables.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "512");
		this.variables.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/greeter");
		this.variables.put("AWS_LAMBDA_LOG_STREAM_NAME", "2026/01/01/[$LATEST]abc");
		this.variables.put("AWS_REGION", "eu-west-1");
		this.variables.put("AWS_LAMBDA_INITIALIZATION_TYPE", "snap-start");
		this.variables.put("AWS_EXECUTION_ENV", "AWS_Lambda_java21");
		this.variables.put("AWS_LAMBDA_MAX_CONCURRENCY", "8");
		LambdaEnvironment environment = LambdaEnvironment.from(this.variables::get);
		assertThat(environment).isEqualTo(new LambdaEnvironment("127.0.0.1:9001", "greet", "/var/task", "greeter",
				"$LATEST", 512, "/aws/lambda/greeter", "2026/01/01/[$LATEST]abc", "eu-west-1", "snap-start",
				"AWS_Lambda_java21", 8));
		assertThat(environment.isSnapStart()).isTrue();
		assertThat(environment.isManagedJavaRuntime()).isTrue();
		assertThat(environment.concurrency()).isEqualTo(8);
	}

	@Test
	void missingAndBlankVariablesAreAbsent() {
		this.variables.put("_HANDLER", "  ");
		this.variables.put("AWS_REGION", " eu-west-1 ");
		LambdaEnvironment environment = LambdaEnvironment.from(this.variables::get);
		assertThat(environment.handler()).isNull();
		assertThat(environment.runtimeApi()).isNull();
		assertThat(environment.region()).isEqualTo("eu-west-1");
		assertThat(environment.memorySizeMb()).isZero();
		assertThat(environment.maxConcurrency()).isZero();
		assertThat(environment.concurrency()).isOne();
		assertThat(environment.isSnapStart()).isFalse();
		assertThat(environment.isManagedJavaRuntime()).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "many", "0", "-2", "1.5", "99999999999" })
	void rejectsInvalidConcurrencyNamingTheVariable(String value) {
		this.variables.put("AWS_LAMBDA_MAX_CONCURRENCY", value);
		assertThatIllegalArgumentException().isThrownBy(() -> LambdaEnvironment.from(this.variables::get))
			.withMessageContaining("AWS_LAMBDA_MAX_CONCURRENCY")
			.withMessageContaining("'" + value + "'");
	}

	@Test
	void rejectsInvalidMemorySizeNamingTheVariable() {
		this.variables.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "512MB");
		assertThatIllegalArgumentException().isThrownBy(() -> LambdaEnvironment.from(this.variables::get))
			.withMessage("AWS_LAMBDA_FUNCTION_MEMORY_SIZE must be a positive whole number, but was '512MB'");
	}

	@Test
	void customRuntimeIsNotManagedJava() {
		this.variables.put("AWS_EXECUTION_ENV", "AWS_Lambda_python3.12");
		assertThat(LambdaEnvironment.from(this.variables::get).isManagedJavaRuntime()).isFalse();
	}

}
