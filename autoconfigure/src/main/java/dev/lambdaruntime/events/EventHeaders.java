package dev.lambdaruntime.events;

/**
 * Names of the message headers that describe an AWS event to the function, and of those a function sets on the
 * {@code Message} it returns to shape an HTTP response.
 */
public final class EventHeaders {

	/**
	 * The event source: {@code api-gateway-rest}, {@code api-gateway-http}, {@code function-url}, {@code alb},
	 * {@code sqs}, {@code sns}, {@code kinesis}, {@code dynamodb}, {@code s3} or {@code eventbridge}.
	 */
	public static final String EVENT_SOURCE = "aws-event-source";

	/** The HTTP method, a {@code String}. */
	public static final String HTTP_METHOD = "http-method";

	/** The request path, a {@code String}. */
	public static final String HTTP_PATH = "http-path";

	/** The request headers, a case-insensitive {@code Map<String, String>} (repeated headers joined by commas). */
	public static final String HTTP_HEADERS = "http-headers";

	/** The query string parameters, a {@code Map<String, String>} (decoded). */
	public static final String HTTP_QUERY_PARAMETERS = "http-query-parameters";

	/** The path parameters of the matched route, a {@code Map<String, String>}. */
	public static final String HTTP_PATH_PARAMETERS = "http-path-parameters";

	/** The request's cookies (HTTP API and Function URLs), a {@code List<String>}. */
	public static final String HTTP_COOKIES = "http-cookies";

	/** The whole {@code requestContext}, a {@code Map<String, Object>}. */
	public static final String HTTP_REQUEST_CONTEXT = "http-request-context";

	/** The {@code requestContext.authorizer} (Lambda authorizer context, JWT, IAM), a {@code Map<String, Object>}. */
	public static final String HTTP_AUTHORIZER = "http-authorizer";

	/** The JWT or Cognito user pool claims of the authorizer, a {@code Map<String, Object>}. */
	public static final String HTTP_AUTHORIZER_CLAIMS = "http-authorizer-claims";

	/** Set by the function: the response's status code, a number ({@code 200} when absent). */
	public static final String HTTP_STATUS_CODE = "http-status-code";

	/**
	 * Set by the function: the response's headers, a {@code Map<String, ?>} whose values are strings or collections
	 * of strings; {@code Set-Cookie} values become {@code cookies} for HTTP API and Function URL responses.
	 */
	public static final String HTTP_RESPONSE_HEADERS = "http-response-headers";

	/** The record's message id (SQS, SNS). */
	public static final String MESSAGE_ID = "aws-message-id";

	/** The record's sequence number (Kinesis, DynamoDB Streams, SQS FIFO). */
	public static final String SEQUENCE_NUMBER = "aws-sequence-number";

	/** The Kinesis partition key. */
	public static final String PARTITION_KEY = "aws-partition-key";

	/** The SQS FIFO message group id. */
	public static final String MESSAGE_GROUP_ID = "aws-message-group-id";

	/** The ARN of the queue, stream, table stream or topic the record came from. */
	public static final String EVENT_SOURCE_ARN = "aws-event-source-arn";

	/** The record's event name: {@code INSERT}, {@code MODIFY}, {@code REMOVE}, {@code ObjectCreated:Put}, ... */
	public static final String EVENT_NAME = "aws-event-name";

	/** The record's system attributes (SQS {@code attributes}), a {@code Map<String, Object>}. */
	public static final String ATTRIBUTES = "aws-attributes";

	/** The record's message attributes (SQS {@code messageAttributes}, SNS {@code MessageAttributes}), a map. */
	public static final String MESSAGE_ATTRIBUTES = "aws-message-attributes";

	/** The SNS subject. */
	public static final String SUBJECT = "aws-subject";

	/** The DynamoDB item's key, a plain {@code Map<String, Object>}. */
	public static final String DYNAMODB_KEYS = "aws-dynamodb-keys";

	/** The DynamoDB item before the change, a plain {@code Map<String, Object>} (when the stream has it). */
	public static final String DYNAMODB_OLD_IMAGE = "aws-dynamodb-old-image";

	/** The EventBridge event's id. */
	public static final String EVENT_ID = "aws-event-id";

	/** The EventBridge event's {@code detail-type}. */
	public static final String DETAIL_TYPE = "aws-detail-type";

	/** The EventBridge event's {@code source}, such as {@code aws.ec2}. */
	public static final String SOURCE = "aws-source";

	/** The time of the event (EventBridge {@code time}, S3 {@code eventTime}), an ISO-8601 {@code String}. */
	public static final String EVENT_TIME = "aws-event-time";

	/** The EventBridge event's {@code resources}, a {@code List<String>}. */
	public static final String RESOURCES = "aws-resources";

	/** The account the event came from (EventBridge {@code account}). */
	public static final String ACCOUNT = "aws-account";

	/** The region the event came from. */
	public static final String REGION = "aws-region";

	private EventHeaders() {
	}

}
