package dev.lambdaruntime.events;

import java.util.ArrayList;
import java.util.List;

import dev.lambdaruntime.api.ContentTypes;
import dev.lambdaruntime.api.Invocation;
import dev.lambdaruntime.function.EventFunction;
import dev.lambdaruntime.loop.InvocationResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Applies the function to each record of an SQS, Kinesis or DynamoDB Streams batch and reports the records that
 * failed as partial batch failures; runs SNS and S3 records one after another; hands an EventBridge event's
 * {@code detail} to the function.
 */
final class RecordEventHandler {

	private static final Logger logger = LoggerFactory.getLogger(RecordEventHandler.class);

	private final InputConverter inputs = new InputConverter();

	InvocationResponse handle(DetectedEvent event, Invocation invocation, EventFunction function) {
		return switch (event.source()) {
			case SQS, KINESIS, DYNAMODB -> batch(event, invocation, function);
			case EVENTBRIDGE -> function.respond(apply(RecordReader.read(event.source(), event.json()), invocation,
					function));
			default -> each(event, invocation, function);
		};
	}

	/**
	 * SNS and S3 invoke asynchronously: a failure is thrown, so Lambda retries the event or sends it to its
	 * failure destination, and the answer is empty.
	 */
	private InvocationResponse each(DetectedEvent event, Invocation invocation, EventFunction function) {
		for (JsonNode record : event.json().path("Records")) {
			apply(RecordReader.read(event.source(), record), invocation, function);
		}
		return InvocationResponse.EMPTY;
	}

	private InvocationResponse batch(DetectedEvent event, Invocation invocation, EventFunction function) {
		JsonNode records = event.json().path("Records");
		boolean ordered = isOrdered(event.source(), records.get(0));
		List<String> failures = new ArrayList<>();
		for (JsonNode json : records) {
			EventRecord record = RecordReader.read(event.source(), json);
			String id = String.valueOf(record.itemIdentifier());
			if (ordered && !failures.isEmpty()) {
				// Ordered sources keep order: nothing after a failure runs before the failed record is retried.
				failures.add(id);
				continue;
			}
			try {
				apply(record, invocation, function);
			}
			catch (RuntimeException ex) {
				logger.warn("Record {} of {} failed; reported as a batch item failure", id, event.source().id(), ex);
				failures.add(id);
			}
		}
		return new InvocationResponse(EventJson.bytes(batchResponse(failures)), ContentTypes.JSON);
	}

	/**
	 * Whether the batch must be processed in order: a FIFO queue, a Kinesis stream or a DynamoDB stream.
	 */
	static boolean isOrdered(EventSource source, JsonNode first) {
		if (source != EventSource.SQS) {
			return true;
		}
		String arn = EventJson.text(first, "eventSourceARN");
		return EventJson.has(first.path("attributes"), "MessageGroupId") || (arn != null && arn.endsWith(".fifo"));
	}

	private Object apply(EventRecord record, Invocation invocation, EventFunction function) {
		Object input = this.inputs.convert(record.payload(), function);
		return function.apply(invocation, input, record.headers());
	}

	private static ObjectNode batchResponse(List<String> failures) {
		ObjectNode response = EventJson.MAPPER.createObjectNode();
		ArrayNode items = response.putArray("batchItemFailures");
		failures.forEach((id) -> items.addObject().put("itemIdentifier", id));
		return response;
	}

}
