package dev.lambdaruntime.events;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.ApplicationLoadBalancerRequestEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import dev.lambdaruntime.events.EventFunctions.Order;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Functions declared on aws-lambda-java-events types: each answers with what it read, so the tests see the mapping.
 */
@Configuration(proxyBeanMethods = false)
class AwsTypeFunctions {

	@Bean
	Function<SQSEvent, SQSBatchResponse> sqsEvent() {
		return (event) -> new SQSBatchResponse(event.getRecords()
			.stream()
			.filter((message) -> !message.getBody().startsWith("{"))
			.map((message) -> new SQSBatchResponse.BatchItemFailure(message.getMessageId()))
			.toList());
	}

	@Bean
	Function<SQSEvent, String> sqsDescription() {
		return (event) -> {
			SQSEvent.SQSMessage message = event.getRecords().get(0);
			return event.getRecords().size() + "|" + message.getMessageId() + "|" + message.getEventSourceArn() + "|"
					+ message.getAttributes().get("ApproximateReceiveCount") + "|"
					+ message.getMessageAttributes().get("myAttribute").getStringValue() + "|" + message.getAwsRegion();
		};
	}

	@Bean
	Function<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> httpApiEvent() {
		return (event) -> APIGatewayV2HTTPResponse.builder()
			.withStatusCode(201)
			.withHeaders(Map.of("Content-Type", "text/plain"))
			.withBody(event.getRequestContext().getHttp().getMethod() + " " + event.getRawPath() + " "
					+ event.getPathParameters().get("id") + " "
					+ event.getRequestContext().getAuthorizer().getJwt().getClaims().get("sub") + " "
					+ event.getCookies() + " " + event.getBody())
			.build();
	}

	@Bean
	Function<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> restApiEvent() {
		return (event) -> new APIGatewayProxyResponseEvent().withStatusCode(202)
			.withBody(event.getHttpMethod() + " " + event.getResource() + " "
					+ event.getMultiValueQueryStringParameters().get("parameter1") + " "
					+ event.getRequestContext().getAuthorizer().get("claims") + " "
					+ event.getRequestContext().getIdentity().getSourceIp());
	}

	@Bean
	Function<ApplicationLoadBalancerRequestEvent, String> albEvent() {
		return (event) -> event.getHttpMethod() + " " + event.getPath() + " "
				+ event.getRequestContext().getElb().getTargetGroupArn().endsWith("49e9d65c45c6791a") + " "
				+ event.getQueryStringParameters().get("query");
	}

	@Bean
	Function<SNSEvent, String> snsEvent() {
		return (event) -> {
			SNSEvent.SNS sns = event.getRecords().get(0).getSNS();
			return event.getRecords().get(0).getEventSource() + "|" + sns.getMessageId() + "|" + sns.getSubject() + "|"
					+ sns.getTimestamp() + "|" + sns.getMessageAttributes().get("Test").getValue() + "|"
					+ sns.getMessage();
		};
	}

	@Bean
	Function<KinesisEvent, List<String>> kinesisEvent() {
		return (event) -> event.getRecords()
			.stream()
			.map((record) -> record.getKinesis().getSequenceNumber().substring(50) + "|"
					+ StandardCharsets.UTF_8.decode(record.getKinesis().getData()) + "|"
					+ record.getKinesis().getApproximateArrivalTimestamp().toInstant())
			.toList();
	}

	@Bean
	Function<DynamodbEvent, List<String>> dynamodbEvent() {
		return (event) -> event.getRecords()
			.stream()
			.map((record) -> record.getEventName() + "|" + record.getDynamodb().getSequenceNumber() + "|"
					+ record.getDynamodb().getKeys().get("Id").getN() + "|"
					+ ((record.getDynamodb().getNewImage() != null)
							? record.getDynamodb().getNewImage().get("Message").getS() : "-")
					+ "|" + record.getDynamodb().getApproximateCreationDateTime().toInstant())
			.toList();
	}

	@Bean
	Function<S3Event, String> s3Event() {
		return (event) -> {
			var record = event.getRecords().get(0);
			return record.getEventName() + "|" + record.getS3().getBucket().getName() + "|"
					+ record.getS3().getObject().getKey() + "|" + record.getS3().getObject().getSizeAsLong() + "|"
					+ Instant.ofEpochMilli(record.getEventTime().getMillis());
		};
	}

	@Bean
	Function<ScheduledEvent, String> scheduledEvent() {
		return (event) -> event.getDetailType() + "|" + event.getSource() + "|" + event.getAccount() + "|"
				+ event.getResources() + "|" + event.getDetail().get("instance-id") + "|"
				+ Instant.ofEpochMilli(event.getTime().getMillis());
	}

	@Bean
	Function<Order, APIGatewayV2HTTPResponse> orderResponse() {
		return (order) -> APIGatewayV2HTTPResponse.builder().withStatusCode(202).withBody(order.item()).build();
	}

}
