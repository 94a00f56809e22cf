package dev.lambdaruntime.events;

import java.lang.reflect.Type;

import tools.jackson.core.JacksonException;

/**
 * An event's body could not be read as the function's input type.
 */
class UnreadableInputException extends RuntimeException {

	UnreadableInputException(Type type, Throwable cause) {
		super("The body is not a valid " + name(type) + ": " + detail(cause), cause);
	}

	UnreadableInputException(Type type, String detail) {
		super("The body is not a valid " + name(type) + ": " + detail);
	}

	private static String name(Type type) {
		return (type instanceof Class<?> type1) ? type1.getSimpleName() : type.getTypeName();
	}

	private static String detail(Throwable ex) {
		// Jackson's original message, without the source location (which may quote the input).
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof JacksonException jackson) {
				return jackson.getOriginalMessage();
			}
		}
		Throwable root = ex;
		while (root.getCause() != null) {
			root = root.getCause();
		}
		return String.valueOf(root.getMessage());
	}

}
