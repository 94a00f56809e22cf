package dev.lambdaruntime.autoconfigure;

import dev.lambdaruntime.events.AwsEventAdapter;
import dev.lambdaruntime.function.EventAdapter;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.cloud.function.context.FunctionCatalog;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration that lets functions sit behind AWS event sources (API Gateway, ALB, Function URLs, SQS, SNS,
 * Kinesis, DynamoDB Streams, S3, EventBridge); {@code lambda.runtime.events.enabled=false} hands every event to the
 * function as it came.
 */
@AutoConfiguration(before = LambdaRuntimeAutoConfiguration.class)
@ConditionalOnClass(FunctionCatalog.class)
@ConditionalOnLambdaRuntimeApi
@ConditionalOnBooleanProperty(name = "lambda.runtime.events.enabled", matchIfMissing = true)
public final class LambdaEventsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(EventAdapter.class)
	AwsEventAdapter lambdaEventAdapter() {
		return new AwsEventAdapter();
	}

}
