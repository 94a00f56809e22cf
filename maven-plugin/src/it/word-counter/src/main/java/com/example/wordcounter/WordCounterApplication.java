package com.example.wordcounter;

import java.util.function.Function;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

@SpringBootApplication
public class WordCounterApplication {

	public static void main(String[] args) {
		SpringApplication.run(WordCounterApplication.class, args);
	}

	@Bean
	public Function<Text, Count> countWords() {
		return (text) -> new Count(text.text().isBlank() ? 0 : text.text().trim().split("\\s+").length);
	}

	public record Text(String text) {
	}

	public record Count(int words) {
	}

}
