package dev.lambdaruntime.autoconfigure;

import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches where this application serves Lambda events: the Lambda Runtime API is meant for its own runtime loop, or
 * the managed Java runtime's handler started it.
 */
class OnLambdaRuntimeApiCondition extends SpringBootCondition {

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		RuntimeApiDetection detection = RuntimeApiDetection.detect(context.getEnvironment(), context.getBeanFactory());
		ConditionMessage.Builder message = ConditionMessage.forCondition(ConditionalOnLambdaRuntimeApi.class);
		return detection.servesEvents() ? ConditionOutcome.match(message.because(detection.reason()))
				: ConditionOutcome.noMatch(message.because(detection.reason()));
	}

}
