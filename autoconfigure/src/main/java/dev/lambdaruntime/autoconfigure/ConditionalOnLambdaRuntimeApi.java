package dev.lambdaruntime.autoconfigure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Conditional;

/**
 * Matches where the Lambda Runtime API is meant for this application's own runtime loop: {@code lambda.runtime.api}
 * or {@code AWS_LAMBDA_RUNTIME_API} is set, {@code AWS_EXECUTION_ENV} names no managed Java runtime, and
 * {@code lambda.runtime.enabled} is not {@code false}.
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Conditional(OnLambdaRuntimeApiCondition.class)
public @interface ConditionalOnLambdaRuntimeApi {

}
