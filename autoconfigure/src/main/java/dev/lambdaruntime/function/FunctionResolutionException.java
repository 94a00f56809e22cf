package dev.lambdaruntime.function;

/**
 * No function could be chosen for the runtime; reported to Lambda as an init error before any event.
 */
public class FunctionResolutionException extends IllegalStateException {

	FunctionResolutionException(String message) {
		super(message);
	}

}
