package dev.lambdaruntime.autoconfigure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Conditional;

/**
 * Matches where this application serves Lambda events, unless {@code lambda.runtime.enabled} is {@code false}: either
 * the Lambda Runtime API is meant for its own runtime loop ({@code lambda.runtime.api} or
 * {@code AWS_LAMBDA_RUNTIME_API} is set and {@code AWS_EXECUTION_ENV} names no managed Java runtime), or the managed
 * Java runtime's {@code FunctionRequestHandler} started it.
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Conditional(OnLambdaRuntimeApiCondition.class)
@interface ConditionalOnLambdaRuntimeApi {

}
