package dev.lambdaruntime.benchmarks.springfloor;

import dev.lambdaruntime.benchmarks.floor.RawLoop;
import dev.lambdaruntime.benchmarks.functions.BenchmarkFunctions;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.cloud.function.context.FunctionCatalog;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

/**
 * The Spring floor: the same Spring Boot application and Spring Cloud Function catalog a function on our starter has,
 * then the floor's raw-socket loop instead of a runtime. No runtime on Spring Boot and SCF can start faster or smaller
 * than this; the gap between it and (1) is what our runtime itself costs.
 */
@SpringBootApplication
@Import(BenchmarkFunctions.class)
public class SpringFloorApplication {

	public static void main(String[] args) throws InterruptedException {
		ConfigurableApplicationContext context = SpringApplication.run(SpringFloorApplication.class, args);
		// Look the function up as a runtime would, so the catalog's work is counted.
		if (context.getBean(FunctionCatalog.class).lookup(System.getenv("_HANDLER")) == null) {
			throw new IllegalStateException("No function named " + System.getenv("_HANDLER"));
		}
		RawLoop.main(args);
	}

}
