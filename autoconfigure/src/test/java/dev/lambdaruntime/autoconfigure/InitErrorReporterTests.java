package dev.lambdaruntime.autoconfigure;

import dev.lambdaruntime.api.ErrorReport;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.BeanCreationException;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Tests for the report {@link InitErrorReporter} posts.
 */
class InitErrorReporterTests {

	@Test
	void namesTheInnermostCauseWithItsOwnTypeMessageAndFrames() {
		BeanCreationException failure = catchThrowableOfType(BeanCreationException.class,
				() -> new AnnotationConfigApplicationContext(BrokenConfiguration.class).close());
		ErrorReport report = InitErrorReporter.report(failure);
		assertThat(report.errorType()).isEqualTo(IllegalStateException.class.getName());
		assertThat(report.errorMessage()).isEqualTo("database unreachable");
		assertThat(report.stackTrace()).first().asString().startsWith(Database.class.getName() + ".connect(");
		assertThat(report.stackTrace()).last()
			.asString()
			.startsWith(BrokenConfiguration.class.getName() + ".database(");
		assertThat(report.stackTrace()).noneMatch((frame) -> frame.startsWith("org.springframework.")
				|| frame.contains("reflect."));
		assertThat(report.cause()).isNull();
		assertThat(report.toJson()).hasSizeLessThan(1024);
	}

	@Test
	void namesTheExceptionItselfWhenItHasNoCause() {
		IllegalArgumentException failure = new IllegalArgumentException();
		ErrorReport report = InitErrorReporter.report(failure);
		assertThat(report.errorType()).isEqualTo(IllegalArgumentException.class.getName());
		assertThat(report.errorMessage()).isEqualTo(IllegalArgumentException.class.getName());
		assertThat(report.stackTrace()).first().isEqualTo(failure.getStackTrace()[0].toString());
	}

	static class Database {

		static Database connect(String url) {
			throw new IllegalStateException("database unreachable");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class BrokenConfiguration {

		@Bean
		Database database() {
			return Database.connect("db:5432");
		}

	}

}
