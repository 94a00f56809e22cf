package dev.lambdaruntime.events;

import java.util.Map;

import dev.lambdaruntime.api.ContentTypes;
import dev.lambdaruntime.api.Invocation;
import dev.lambdaruntime.function.EventAdapter;
import dev.lambdaruntime.function.EventFunction;
import dev.lambdaruntime.loop.InvocationResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.core.ResolvableType;
import org.springframework.messaging.Message;

/**
 * Lets plain functions sit behind AWS event sources: recognises API Gateway, ALB, Function URL, SQS, SNS, Kinesis,
 * DynamoDB Streams, S3 and EventBridge events, gives the function what is inside, and answers in the shape the
 * source expects. A function declared on an aws-lambda-java-events type gets the whole event instead.
 */
public final class AwsEventAdapter implements EventAdapter {

	private final EventDetector detector = new EventDetector();

	private final HttpEventHandler http = new HttpEventHandler();

	private final RecordEventHandler records = new RecordEventHandler();

	@Override
	public boolean prepare(EventFunction function) {
		Class<?> input = function.isSupplier() ? Void.class : ResolvableType.forType(function.inputType()).toClass();
		Class<?> output = function.isConsumer() ? Void.class : ResolvableType.forType(function.outputType()).toClass();
		boolean awsInput = AwsEventTypes.isAwsType(input);
		boolean awsOutput = AwsEventTypes.isAwsType(output);
		if ((awsInput || awsOutput) && !AwsEventTypes.canSerialize(AwsEventAdapter.class.getClassLoader())) {
			throw new IllegalStateException("Function '" + function.definition() + "' uses "
					+ (awsInput ? input : output).getName() + ": add com.amazonaws:aws-lambda-java-serialization "
					+ "to read and write AWS event types the way AWS's Java runtime does");
		}
		// An AWS output type is written with AWS's rules here, not as a plain bean by Spring Cloud Function.
		return awsOutput;
	}

	@Override
	public @Nullable InvocationResponse handle(Invocation invocation, EventFunction function) {
		if (AwsEventTypes.isAwsType(function.inputType())) {
			return whole(invocation, function);
		}
		DetectedEvent event = this.detector.detect(invocation.payload());
		if (event == null) {
			return null;
		}
		return event.source().isHttp() ? this.http.handle(event, invocation, function)
				: this.records.handle(event, invocation, function);
	}

	private InvocationResponse whole(Invocation invocation, EventFunction function) {
		Object event = AwsEventTypes.read(invocation.payload(), (Class<?>) function.inputType());
		Object result = function.apply(invocation, event, Map.of());
		if (result != null && AwsEventTypes.isAwsType(function.outputType())) {
			Object response = (result instanceof Message<?> message) ? message.getPayload() : result;
			return new InvocationResponse(AwsEventTypes.write(response), ContentTypes.JSON);
		}
		return function.respond(result);
	}

}
