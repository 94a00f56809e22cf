package dev.lambdaruntime.events;

/**
 * The AWS event sources the runtime recognises, named as in the {@link EventHeaders#EVENT_SOURCE} header.
 */
enum EventSource {

	API_GATEWAY_REST("api-gateway-rest"),

	API_GATEWAY_HTTP("api-gateway-http"),

	FUNCTION_URL("function-url"),

	ALB("alb"),

	SQS("sqs"),

	SNS("sns"),

	KINESIS("kinesis"),

	DYNAMODB("dynamodb"),

	S3("s3"),

	EVENTBRIDGE("eventbridge");

	private final String id;

	EventSource(String id) {
		this.id = id;
	}

	String id() {
		return this.id;
	}

	boolean isHttp() {
		return this == API_GATEWAY_REST || this == API_GATEWAY_HTTP || this == FUNCTION_URL || this == ALB;
	}

	/**
	 * Whether this source's answer has the HTTP API (payload format 2.0) shape, with {@code cookies}.
	 */
	boolean isHttpApiShape() {
		return this == API_GATEWAY_HTTP || this == FUNCTION_URL;
	}

}
