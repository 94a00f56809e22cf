package dev.lambdaruntime.metrics;

import dev.lambdaruntime.api.Invocation;
import dev.lambdaruntime.api.ResponseStream;
import dev.lambdaruntime.loop.InvocationHandler;
import dev.lambdaruntime.loop.InvocationResponse;

/**
 * Records each invocation on its own thread and writes what it recorded once the handler returns or throws, before
 * the answer goes back. A streamed answer is produced after that: what is recorded while it is written is written
 * once the stream ends, before the response is complete.
 */
final class PublishingInvocationHandler implements InvocationHandler {

	private final LambdaMeterRegistry registry;

	private final InvocationHandler handler;

	PublishingInvocationHandler(LambdaMeterRegistry registry, InvocationHandler handler) {
		this.registry = registry;
		this.handler = handler;
	}

	@Override
	public InvocationResponse handle(Invocation invocation) throws Exception {
		InvocationResponse response;
		Recording recording = this.registry.enter(invocation.requestId());
		try {
			response = this.handler.handle(invocation);
		}
		finally {
			this.registry.exit(recording, true);
		}
		ResponseStream stream = response.stream();
		return (stream != null) ? InvocationResponse.streaming(response.contentType(), publishing(invocation, stream))
				: response;
	}

	private ResponseStream publishing(Invocation invocation, ResponseStream stream) {
		return (output) -> {
			Recording recording = this.registry.enter(invocation.requestId());
			try {
				stream.writeTo(output);
			}
			finally {
				this.registry.exit(recording, false);
			}
		};
	}

	@Override
	public String toString() {
		return "PublishingInvocationHandler[" + this.handler + "]";
	}

}
