package dev.lambdaruntime.processfaults;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * A test-only application whose one function fails the ways that take a process down: it runs on the packaged
 * sample's libraries (see {@code ProcessFaultsIT}), outside the sample's package so no sample test scans it.
 */
@SpringBootApplication
public class ProcessFaultsApplication {

	private static volatile List<long[]> hoard;

	public static void main(String[] args) {
		SpringApplication.run(ProcessFaultsApplication.class, args);
	}

	/**
	 * {@code "oom"} runs out of heap, {@code "overflow"} out of stack, {@code "exit"} calls {@code System.exit(3)},
	 * {@code "hang"} never returns, {@code "sleep"} takes 60 s; anything else comes back with {@code "ok:"}.
	 * @return the function
	 */
	@Bean
	public Function<String, String> faults() {
		return (input) -> switch (input) {
			case "oom" -> {
				List<long[]> arrays = new ArrayList<>();
				hoard = arrays;
				while (true) {
					arrays.add(new long[8 * 1024 * 1024]);
				}
			}
			case "overflow" -> Integer.toString(recurse(0));
			case "exit" -> {
				System.exit(3);
				yield "unreachable";
			}
			case "hang", "sleep" -> {
				sleep(input.equals("hang") ? Long.MAX_VALUE : 60_000);
				yield "woke";
			}
			default -> "ok:" + input;
		};
	}

	private static int recurse(int depth) {
		return recurse(depth + 1) + 1;
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
