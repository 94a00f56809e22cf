package dev.lambdaruntime.events;

import java.util.List;
import java.util.Map;

import dev.lambdaruntime.emulator.InvokeResult;
import dev.lambdaruntime.events.EventFunctions.InstanceState;
import dev.lambdaruntime.events.EventFunctions.Order;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.messaging.Message;
import org.springframework.test.json.JsonContent;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SQS, SNS, Kinesis, DynamoDB Streams, S3 and EventBridge events through the real loop and the emulator.
 */
class RecordEventsTests {

	private final EventRuntime runtime = new EventRuntime();

	@AfterEach
	void close() {
		this.runtime.close();
	}

	@Test
	void sqsAppliesAConsumerToEachBodyAndReportsTheRecordsThatFailed() {
		this.runtime.serving("ingest").run((context) -> {
			assertThat(this.runtime.answer("sqs.json")).isStrictlyEqualTo("{\"batchItemFailures\":"
					+ "[{\"itemIdentifier\":\"2e1424d4-f796-459a-8184-9c92662be6da\"}]}");
			EventFunctions functions = context.getBean(EventFunctions.class);
			assertThat(functions.payloads()).containsExactly(new Order("book", 2), new Order("pen", 3));
			assertThat(functions.seen.get(0).getHeaders())
				.containsEntry(EventHeaders.EVENT_SOURCE, "sqs")
				.containsEntry(EventHeaders.MESSAGE_ID, "059f36b4-87a3-44ab-83d2-661975830a7d")
				.containsEntry(EventHeaders.EVENT_SOURCE_ARN, "arn:aws:sqs:us-east-2:123456789012:my-queue")
				.containsEntry(EventHeaders.MESSAGE_ATTRIBUTES, Map.of("myAttribute", Map.of("stringValue", "myValue",
						"stringListValues", List.of(), "binaryListValues", List.of(), "dataType", "String")));
			assertThat(EventFunctions.headerMap(functions.seen.get(0), EventHeaders.ATTRIBUTES))
				.containsEntry("ApproximateReceiveCount", "1");
		});
	}

	@Test
	void sqsAnswersAnEmptyFailureListWhenEveryRecordSucceeds() {
		String event = EventRuntime.event("sqs.json").replace("\"body\": \"not an order\"",
				"\"body\": \"{\\\"item\\\":\\\"ink\\\",\\\"quantity\\\":1}\"");
		this.runtime.serving("ingest").run((context) -> {
			assertThat(new JsonContent(this.runtime.emulator().invoke(event).payloadAsString()))
				.isStrictlyEqualTo("{\"batchItemFailures\":[]}");
			assertThat(context.getBean(EventFunctions.class).seen).hasSize(3);
		});
	}

	@Test
	void sqsCountsAFunctionsExceptionAsAFailure() {
		String event = EventRuntime.event("sqs.json").replace("\\\"quantity\\\":3", "\\\"quantity\\\":0");
		this.runtime.serving("ingest")
			.run((context) -> assertThat(new JsonContent(this.runtime.emulator().invoke(event).payloadAsString()))
				.isStrictlyEqualTo("{\"batchItemFailures\":[{\"itemIdentifier\":"
						+ "\"2e1424d4-f796-459a-8184-9c92662be6da\"},"
						+ "{\"itemIdentifier\":\"a3c6f3b2-5e4d-4c1b-9a8f-7e6d5c4b3a21\"}]}"));
	}

	@Test
	void sqsFifoStopsAtTheFirstFailureAndReportsEveryLaterRecord() {
		this.runtime.serving("ingest").run((context) -> {
			assertThat(this.runtime.answer("sqs-fifo.json")).isStrictlyEqualTo("{\"batchItemFailures\":"
					+ "[{\"itemIdentifier\":\"22d6ee51-4cc7-4302-9e22-7cd8afdaadf5\"},"
					+ "{\"itemIdentifier\":\"33d6ee51-4cc7-4302-9e22-7cd8afdaadf5\"}]}");
			EventFunctions functions = context.getBean(EventFunctions.class);
			assertThat(functions.payloads()).containsExactly(new Order("book", 1));
			assertThat(functions.seen.get(0).getHeaders()).containsEntry(EventHeaders.MESSAGE_GROUP_ID, "1")
				.containsEntry(EventHeaders.SEQUENCE_NUMBER, "18849496460467696128");
		});
	}

	@Test
	void kinesisDecodesTheDataAndReportsFailuresBySequenceNumberInOrder() {
		this.runtime.serving("ingest").run((context) -> {
			assertThat(this.runtime.answer("kinesis.json")).isStrictlyEqualTo("{\"batchItemFailures\":["
					+ "{\"itemIdentifier\":\"49590338271490256608559692540925702759324208523137515618\"},"
					+ "{\"itemIdentifier\":\"49590338271490256608559692540925702759324208523137515619\"}]}");
			EventFunctions functions = context.getBean(EventFunctions.class);
			assertThat(functions.payloads()).containsExactly(new Order("book", 2));
			assertThat(functions.seen.get(0).getHeaders()).containsEntry(EventHeaders.EVENT_SOURCE, "kinesis")
				.containsEntry(EventHeaders.PARTITION_KEY, "1")
				.containsEntry(EventHeaders.SEQUENCE_NUMBER,
						"49590338271490256608559692538361571095921575989136588898");
		});
	}

	@Test
	void kinesisGivesABytesFunctionTheDecodedData() {
		this.runtime.serving("size").run((context) -> {
			assertThat(this.runtime.answer("kinesis.json")).isStrictlyEqualTo("{\"batchItemFailures\":[]}");
			assertThat(context.getBean(EventFunctions.class).payloads()).containsExactly(
					"{\"item\":\"book\",\"quantity\":2}", "not json", "{\"item\":\"book\",\"quantity\":2}");
		});
	}

	@Test
	void dynamoDbGivesTheNewImageAsAPlainMapAndTheKeyForARemove() {
		this.runtime.serving("items").run((context) -> {
			assertThat(this.runtime.answer("dynamodb.json")).isStrictlyEqualTo("{\"batchItemFailures\":[]}");
			List<Message<?>> seen = context.getBean(EventFunctions.class).seen;
			assertThat(seen).extracting((message) -> message.getHeaders().get(EventHeaders.EVENT_NAME))
				.containsExactly("INSERT", "MODIFY", "REMOVE");
			assertThat(seen.get(0).getPayload()).hasToString(
					"{Message=New item!, Id=101, Tags=[a, b], Active=true, Details={Weight=1.5, Note=null}}");
			assertThat(seen.get(1).getPayload()).isEqualTo(Map.of("Message", "This item has changed", "Id", 101));
			assertThat(seen.get(1).getHeaders()).containsEntry(EventHeaders.DYNAMODB_OLD_IMAGE,
					Map.of("Message", "New item!", "Id", 101))
				.containsEntry(EventHeaders.SEQUENCE_NUMBER, "222");
			assertThat(seen.get(2).getPayload()).isEqualTo(Map.of("Id", 101));
			assertThat(seen.get(2).getHeaders()).containsEntry(EventHeaders.DYNAMODB_KEYS, Map.of("Id", 101));
		});
	}

	@Test
	void dynamoDbReportsTheFirstFailedSequenceNumberAndEveryLaterOne() {
		this.runtime.serving("ingest").run((context) -> assertThat(this.runtime.answer("dynamodb.json"))
			.isStrictlyEqualTo("{\"batchItemFailures\":[{\"itemIdentifier\":\"111\"},{\"itemIdentifier\":\"222\"},"
					+ "{\"itemIdentifier\":\"333\"}]}"));
	}

	@Test
	void snsGivesTheMessageAndAnswersEmpty() {
		this.runtime.serving("ingest").run((context) -> {
			InvokeResult result = this.runtime.emulator().invoke(EventRuntime.event("sns.json"));
			assertThat(result.functionError()).isNull();
			assertThat(result.payloadAsString()).isEmpty();
			EventFunctions functions = context.getBean(EventFunctions.class);
			assertThat(functions.payloads()).containsExactly(new Order("book", 2));
			assertThat(functions.seen.get(0).getHeaders()).containsEntry(EventHeaders.EVENT_SOURCE, "sns")
				.containsEntry(EventHeaders.MESSAGE_ID, "95df01b4-ee98-5cb9-9903-4c221d41eb5e")
				.containsEntry(EventHeaders.SUBJECT, "TestInvoke")
				.containsEntry(EventHeaders.EVENT_SOURCE_ARN, "arn:aws:sns:us-east-1:123456789012:sns-lambda");
		});
	}

	@Test
	void snsLetsAFailureThroughSoLambdaRetriesTheEvent() {
		String event = EventRuntime.event("sns.json").replace("\\\"quantity\\\":2", "\\\"quantity\\\":0");
		this.runtime.serving("ingest").run((context) -> {
			InvokeResult result = this.runtime.emulator().invoke(event);
			assertThat(result.functionError()).isEqualTo("Unhandled");
			assertThat(new JsonContent(result.payloadAsString())).extractingPath("$.errorMessage")
				.isEqualTo("quantity must be positive");
		});
	}

	@Test
	void s3GivesEachRecord() {
		this.runtime.serving("items").run((context) -> {
			assertThat(this.runtime.invoke("s3.json")).isEmpty();
			Message<?> message = context.getBean(EventFunctions.class).seen.get(0);
			assertThat(message.getHeaders()).containsEntry(EventHeaders.EVENT_NAME, "ObjectCreated:Put")
				.containsEntry(EventHeaders.EVENT_TIME, "2019-09-03T19:37:27.192Z");
			@SuppressWarnings("unchecked")
			Map<String, Map<String, Map<String, Object>>> record = (Map<String, Map<String, Map<String, Object>>>) message
				.getPayload();
			assertThat(record.get("s3").get("bucket")).containsEntry("name", "amzn-s3-demo-bucket");
			assertThat(record.get("s3").get("object")).containsEntry("key", "b21b84d653bb07b05b1e6b33684dc11b");
		});
	}

	@Test
	void eventBridgeGivesTheDetailAndAnswersWithTheResult() {
		this.runtime.serving("instance").run((context) -> {
			assertThat(this.runtime.invoke("eventbridge.json")).isEqualTo("\"i-1234567890abcdef0 is terminated\"");
			Message<?> message = context.getBean(EventFunctions.class).seen.get(0);
			assertThat(message.getPayload()).isEqualTo(new InstanceState("i-1234567890abcdef0", "terminated"));
			assertThat(message.getHeaders()).containsEntry(EventHeaders.EVENT_SOURCE, "eventbridge")
				.containsEntry(EventHeaders.DETAIL_TYPE, "EC2 Instance State-change Notification")
				.containsEntry(EventHeaders.SOURCE, "aws.ec2")
				.containsEntry(EventHeaders.EVENT_ID, "6a7e8feb-b491-4cf7-a9f1-bf3703467718")
				.containsEntry(EventHeaders.RESOURCES,
						List.of("arn:aws:ec2:us-west-1:123456789012:instance/i-1234567890abcdef0"));
		});
	}

	@Test
	void aStringConsumerGetsTheSqsBodyAsItCame() {
		this.runtime.serving("text").run((context) -> {
			this.runtime.invoke("sqs.json");
			assertThat(context.getBean(EventFunctions.class).payloads()).containsExactly(
					"{\"item\":\"book\",\"quantity\":2}", "not an order", "{\"item\":\"pen\",\"quantity\":3}");
		});
	}

}
