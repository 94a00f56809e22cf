package dev.lambdaruntime.benchmarks.ric;

import dev.lambdaruntime.benchmarks.functions.BenchmarkFunctions;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/**
 * The functions behind Spring Cloud Function's {@code FunctionInvoker}, which AWS's runtime interface client calls
 * as a {@code RequestStreamHandler}; {@code FunctionInvoker} finds this class through {@code MAIN_CLASS}.
 */
@SpringBootApplication
@Import(BenchmarkFunctions.class)
public class RicFunctionInvokerApplication {

	public static void main(String[] args) {
		SpringApplication.run(RicFunctionInvokerApplication.class, args);
	}

}
