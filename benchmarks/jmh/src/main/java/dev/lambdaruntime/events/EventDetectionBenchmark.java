package dev.lambdaruntime.events;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What recognising an event's shape costs on every invocation: a plain payload must stay nearly free, an AWS event
 * is parsed once into the tree its handler reads. In the events package to reach the package-private detector.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class EventDetectionBenchmark {

	private final EventDetector detector = new EventDetector();

	private byte[] greet;

	private byte[] httpApi;

	private byte[] sqs;

	@Setup
	public void prepare() {
		this.greet = bytes("{\"name\":\"lambda\"}");
		this.httpApi = bytes("""
				{"version":"2.0","routeKey":"POST /orders","rawPath":"/orders","rawQueryString":"",
				 "headers":{"content-type":"application/json","host":"example.execute-api.us-east-1.amazonaws.com"},
				 "requestContext":{"accountId":"123456789012","apiId":"api-id","domainName":"example.com",
				  "http":{"method":"POST","path":"/orders","protocol":"HTTP/1.1","sourceIp":"192.0.2.1",
				  "userAgent":"agent"},"requestId":"id","routeKey":"POST /orders","stage":"$default",
				  "time":"12/Mar/2020:19:03:58 +0000","timeEpoch":1583348638390},
				 "body":"{\\"item\\":\\"book\\",\\"quantity\\":2}","isBase64Encoded":false}""");
		this.sqs = bytes("""
				{"Records":[{"messageId":"059f36b4-87a3-44ab-83d2-661975830a7d","receiptHandle":"AQEBwJnKyrHigUMZj6r",
				 "body":"{\\"item\\":\\"book\\",\\"quantity\\":2}","attributes":{"ApproximateReceiveCount":"1",
				 "SentTimestamp":"1545082649183","SenderId":"AIDAIENQZJOLO23YVJ4VO",
				 "ApproximateFirstReceiveTimestamp":"1545082649185"},"messageAttributes":{},
				 "md5OfBody":"e4e68fb7bd0e697a0ae8f1bb342846b3","eventSource":"aws:sqs",
				 "eventSourceARN":"arn:aws:sqs:us-east-2:123456789012:my-queue","awsRegion":"us-east-2"}]}""");
		if (detect(this.greet) != null || detect(this.httpApi) == null || detect(this.sqs) == null) {
			throw new IllegalStateException("The detector no longer tells these payloads apart");
		}
	}

	/**
	 * A plain POJO event: the detector must let it through after its first key.
	 * @return nothing is expected
	 */
	@Benchmark
	public Object plainPayload() {
		return detect(this.greet);
	}

	/**
	 * An API Gateway HTTP API (v2) event.
	 * @return the detected event
	 */
	@Benchmark
	public Object httpApiEvent() {
		return detect(this.httpApi);
	}

	/**
	 * An SQS batch of one record.
	 * @return the detected event
	 */
	@Benchmark
	public Object sqsEvent() {
		return detect(this.sqs);
	}

	private Object detect(byte[] payload) {
		return this.detector.detect(payload);
	}

	private static byte[] bytes(String json) {
		return json.getBytes(StandardCharsets.UTF_8);
	}

}
