package dev.lambdaruntime.emulator;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A Runtime API or Extensions API endpoint the emulator can be told to misbehave on.
 */
public enum Endpoint {

	/** {@code GET /runtime/invocation/next}. */
	NEXT,

	/** {@code POST /runtime/invocation/{id}/response}, buffered. */
	RESPONSE,

	/** {@code POST /runtime/invocation/{id}/response} in streaming mode (chunked). */
	STREAMING_RESPONSE,

	/** {@code POST /runtime/invocation/{id}/error}. */
	ERROR,

	/** {@code POST /runtime/init/error}. */
	INIT_ERROR,

	/** {@code GET /runtime/restore/next} (SnapStart). */
	RESTORE_NEXT,

	/** {@code POST /runtime/restore/error} (SnapStart). */
	RESTORE_ERROR,

	/** {@code POST /2020-01-01/extension/register} (Extensions API). */
	EXTENSION_REGISTER,

	/** {@code GET /2020-01-01/extension/event/next} (Extensions API). */
	EXTENSION_NEXT,

	/** {@code POST /2020-01-01/extension/init/error} (Extensions API). */
	EXTENSION_INIT_ERROR,

	/** {@code POST /2020-01-01/extension/exit/error} (Extensions API). */
	EXTENSION_EXIT_ERROR;

	/**
	 * The endpoint's name on the command line: {@code next}, {@code streaming-response}, {@code init-error},
	 * {@code extension-register}, ...
	 * @return the name
	 */
	public String cliName() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	/**
	 * The endpoint a command-line name stands for.
	 * @param name for example {@code next} or {@code init-error}
	 * @return the endpoint
	 * @throws IllegalArgumentException naming the endpoints there are
	 */
	public static Endpoint fromCliName(String name) {
		for (Endpoint endpoint : values()) {
			if (endpoint.cliName().equals(name)) {
				return endpoint;
			}
		}
		throw new IllegalArgumentException("Unknown endpoint '" + name + "'; use one of "
				+ Arrays.stream(values()).map(Endpoint::cliName).collect(Collectors.joining(", ")));
	}

}
