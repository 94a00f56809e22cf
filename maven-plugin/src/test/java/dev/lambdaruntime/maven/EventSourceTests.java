package dev.lambdaruntime.maven;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class EventSourceTests {

	@Test
	void anHttpApiNeedsNoProperties() {
		assertThat(EventSource.parse("http-api", 0)).isEqualTo(new EventSource("HttpApi", "HttpApi1", java.util.List.of()));
	}

	@Test
	void aQueueReportsBatchItemFailures() {
		EventSource queue = EventSource.parse(" sqs:arn:aws:sqs:eu-west-1:123456789012:orders ", 1);
		assertThat(queue.type()).isEqualTo("SQS");
		assertThat(queue.name()).isEqualTo("Queue2");
		assertThat(queue.properties()).containsExactly("Queue: \"arn:aws:sqs:eu-west-1:123456789012:orders\"",
				"FunctionResponseTypes:", "  - ReportBatchItemFailures");
	}

	@Test
	void aScheduleKeepsItsExpression() {
		assertThat(EventSource.parse("schedule:cron(0 12 * * ? *)", 0).properties())
			.containsExactly("Schedule: \"cron(0 12 * * ? *)\"");
	}

	@Test
	void refusesAnUnknownOrIncompleteSource() {
		assertThatIllegalArgumentException().isThrownBy(() -> EventSource.parse("s3:bucket", 0))
			.withMessageContaining("Unknown event source 's3:bucket'")
			.withMessageContaining("sqs:QUEUE_ARN");
		assertThatIllegalArgumentException().isThrownBy(() -> EventSource.parse("sqs", 0))
			.withMessageStartingWith("Event source 'sqs': use");
		assertThatIllegalArgumentException().isThrownBy(() -> EventSource.parse("http-api:x", 0));
	}

}
