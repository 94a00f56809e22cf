package dev.lambdaruntime.webstarter;

import java.util.Locale;
import java.util.function.Function;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A web application moved to Lambda with its web starter still there: a controller, and the function Lambda serves.
 */
@SpringBootApplication(proxyBeanMethods = false)
public class WebApplication {

	@Bean
	public Function<String, String> uppercase() {
		return (text) -> text.toUpperCase(Locale.ROOT);
	}

	@RestController
	static class HelloController {

		@GetMapping("/hello")
		String hello() {
			return "hello";
		}

	}

}
