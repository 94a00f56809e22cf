package dev.lambdaruntime.sample;

import java.util.Locale;
import java.util.function.Function;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * Demo functions; choose one with {@code spring.cloud.function.definition} (or {@code SPRING_CLOUD_FUNCTION_DEFINITION}).
 */
@SpringBootApplication
public class SampleApplication {

	public static void main(String[] args) {
		SpringApplication.run(SampleApplication.class, args);
	}

	/**
	 * Upper-cases its input.
	 * @return the function
	 */
	@Bean
	public Function<String, String> uppercase() {
		return (input) -> input.toUpperCase(Locale.ROOT);
	}

	/**
	 * Greets a person: {@code {"name":"lambda"}} gives {@code {"greeting":"Hello, LAMBDA"}}.
	 * @return the function
	 */
	@Bean
	public Function<Person, Greeting> greet() {
		return (person) -> new Greeting("Hello, " + person.name().toUpperCase(Locale.ROOT));
	}

	/**
	 * Always fails, to show how errors reach the caller.
	 * @return the function
	 */
	@Bean
	public Function<String, String> fail() {
		return (input) -> {
			throw new IllegalStateException("boom");
		};
	}

	/**
	 * Keeps a running count and mean per sensor, in memory, across invocations: the warm state Lambda keeps.
	 * @param statistics the in-memory statistics
	 * @return the function
	 */
	@Bean
	public Function<Reading, SensorStats> stats(SensorStatistics statistics) {
		return statistics::record;
	}

	@Bean
	SensorStatistics sensorStatistics() {
		return new SensorStatistics();
	}

	/**
	 * Sleeps as long as asked, to show concurrent invocations.
	 * @return the function
	 */
	@Bean
	public Function<Delay, Slept> slow() {
		return (delay) -> {
			try {
				Thread.sleep(delay.ms());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted while sleeping", ex);
			}
			return new Slept(delay.ms());
		};
	}

	/**
	 * Input of {@code greet}.
	 * @param name who to greet
	 */
	public record Person(String name) {
	}

	/**
	 * Output of {@code greet}.
	 * @param greeting the greeting
	 */
	public record Greeting(String greeting) {
	}

	/**
	 * Input of {@code slow}.
	 * @param ms how long to sleep, in milliseconds
	 */
	public record Delay(long ms) {
	}

	/**
	 * Output of {@code slow}.
	 * @param slept how long it slept, in milliseconds
	 */
	public record Slept(long slept) {
	}

}
