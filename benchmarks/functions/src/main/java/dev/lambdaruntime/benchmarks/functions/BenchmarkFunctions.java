package dev.lambdaruntime.benchmarks.functions;

import java.util.Locale;
import java.util.function.Function;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The sample app's {@code greet} and {@code slow} functions, written the same way, for the comparison apps.
 */
@Configuration(proxyBeanMethods = false)
public class BenchmarkFunctions {

	/**
	 * Greets a person: {@code {"name":"lambda"}} gives {@code {"greeting":"Hello, LAMBDA"}}.
	 * @return the function
	 */
	@Bean
	public Function<Person, Greeting> greet() {
		return (person) -> new Greeting("Hello, " + person.name().toUpperCase(Locale.ROOT));
	}

	/**
	 * Sleeps as long as asked, for the concurrent case.
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
