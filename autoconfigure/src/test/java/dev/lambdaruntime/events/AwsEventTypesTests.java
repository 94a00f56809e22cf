package dev.lambdaruntime.events;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Functions declared on aws-lambda-java-events types get the whole event, read with AWS's own rules, and their AWS
 * response types are written with them.
 */
class AwsEventTypesTests {

	private final EventRuntime runtime = new EventRuntime();

	@AfterEach
	void close() {
		this.runtime.close();
	}

	@Test
	void sqsEventInBatchResponseOut() {
		this.runtime.serving("sqsEvent").run((context) -> assertThat(this.runtime.answer("sqs.json"))
			.isStrictlyEqualTo("{\"batchItemFailures\":"
					+ "[{\"itemIdentifier\":\"2e1424d4-f796-459a-8184-9c92662be6da\"}]}"));
	}

	@Test
	void sqsEventIsReadWhole() {
		this.runtime.serving("sqsDescription").run((context) -> assertThat(this.runtime.invoke("sqs.json"))
			.isEqualTo("\"3|059f36b4-87a3-44ab-83d2-661975830a7d|arn:aws:sqs:us-east-2:123456789012:my-queue|1|myValue"
					+ "|us-east-2\""));
	}

	@Test
	void httpApiEventInHttpApiResponseOut() {
		this.runtime.serving("httpApiEvent").run((context) -> assertThat(this.runtime.answer("api-gateway-http.json"))
			.isStrictlyEqualTo("{\"statusCode\":201,\"headers\":{\"Content-Type\":\"text/plain\"},"
					+ "\"body\":\"POST /orders/42 42 user-123 [cookie1=one, cookie2=two] "
					+ "{\\\"item\\\":\\\"book\\\",\\\"quantity\\\":2}\",\"isBase64Encoded\":false}"));
	}

	@Test
	void restApiEventInProxyResponseOut() {
		this.runtime.serving("restApiEvent").run((context) -> assertThat(this.runtime.answer("api-gateway-rest.json"))
			.isStrictlyEqualTo("{\"statusCode\":202,\"body\":\"POST /orders/{id} [value1, value2] "
					+ "{sub=user-123, email=jane@example.com} 192.0.2.1\"}"));
	}

	@Test
	void albEvent() {
		this.runtime.serving("albEvent").run((context) -> assertThat(this.runtime.invoke("alb.json"))
			.isEqualTo("\"GET /lambda true 1234ABCD\""));
	}

	@Test
	void snsEvent() {
		this.runtime.serving("snsEvent").run((context) -> assertThat(this.runtime.invoke("sns.json"))
			.isEqualTo("\"aws:sns|95df01b4-ee98-5cb9-9903-4c221d41eb5e|TestInvoke|2019-01-02T12:45:07.000Z"
					+ "|TestString|{\\\"item\\\":\\\"book\\\",\\\"quantity\\\":2}\""));
	}

	@Test
	void kinesisEventWithDecodedDataAndEpochSecondTimestamps() {
		this.runtime.serving("kinesisEvent").run((context) -> assertThat(this.runtime.answer("kinesis.json"))
			.isStrictlyEqualTo("[\"588898|{\\\"item\\\":\\\"book\\\",\\\"quantity\\\":2}|2018-12-17T22:10:50.987Z\","
					+ "\"515618|not json|2018-12-17T22:11:51.166Z\","
					+ "\"515619|{\\\"item\\\":\\\"book\\\",\\\"quantity\\\":2}|2018-12-17T22:11:51.266Z\"]"));
	}

	@Test
	void dynamodbEventWithTypedAttributeValues() {
		this.runtime.serving("dynamodbEvent").run((context) -> assertThat(this.runtime.answer("dynamodb.json"))
			.isStrictlyEqualTo("[\"INSERT|111|101|New item!|2015-04-09T00:00:00Z\","
					+ "\"MODIFY|222|101|This item has changed|2015-04-09T00:00:00Z\","
					+ "\"REMOVE|333|101|-|2015-04-09T00:00:00Z\"]"));
	}

	@Test
	void s3Event() {
		this.runtime.serving("s3Event").run((context) -> assertThat(this.runtime.invoke("s3.json"))
			.isEqualTo("\"ObjectCreated:Put|amzn-s3-demo-bucket|b21b84d653bb07b05b1e6b33684dc11b|1305107"
					+ "|2019-09-03T19:37:27.192Z\""));
	}

	@Test
	void eventBridgeAsScheduledEvent() {
		this.runtime.serving("scheduledEvent").run((context) -> assertThat(this.runtime.invoke("eventbridge.json"))
			.isEqualTo("\"EC2 Instance State-change Notification|aws.ec2|111122223333"
					+ "|[arn:aws:ec2:us-west-1:123456789012:instance/i-1234567890abcdef0]|i-1234567890abcdef0"
					+ "|2017-12-22T18:43:48Z\""));
	}

	@Test
	void aPojoFunctionReturningAnAwsResponseIsAnsweredAsItBuiltIt() {
		this.runtime.serving("orderResponse").run((context) -> assertThat(this.runtime.answer("api-gateway-http.json"))
			.isStrictlyEqualTo("{\"statusCode\":202,\"body\":\"book\",\"isBase64Encoded\":false}"));
	}

}
