package dev.lambdaruntime.benchmarks.scf;

import dev.lambdaruntime.benchmarks.functions.BenchmarkFunctions;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/**
 * The functions on Spring Cloud Function's own custom runtime: with {@code AWS_LAMBDA_RUNTIME_API} set and
 * {@code _HANDLER} naming a function (not a class), the adapter's {@code CustomRuntimeInitializer} registers its
 * {@code CustomRuntimeEventLoop}.
 */
@SpringBootApplication
@Import(BenchmarkFunctions.class)
public class ScfCustomRuntimeApplication {

	public static void main(String[] args) {
		SpringApplication.run(ScfCustomRuntimeApplication.class, args);
	}

}
