package dev.lambdaruntime.emulator.process;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.lambdaruntime.emulator.lambda.EmulatorSettings;
import org.jspecify.annotations.Nullable;

/**
 * The variables Lambda sets for a custom runtime, as this emulator sets them for the bootstrap it starts.
 */
final class RuntimeEnvironment {

	/**
	 * What Lambda keeps from external extensions, being the runtime's own ("Permissions and configuration" in AWS's
	 * page on the Extensions API).
	 */
	private static final Set<String> RUNTIME_ONLY = Set.of("LAMBDA_TASK_ROOT", "AWS_LAMBDA_LOG_GROUP_NAME",
			"AWS_LAMBDA_LOG_STREAM_NAME", "_HANDLER");

	private RuntimeEnvironment() {
	}

	static Map<String, String> of(EmulatorSettings settings, String runtimeApi, Path taskRoot,
			@Nullable String handler) {
		Map<String, String> environment = new LinkedHashMap<>();
		environment.put("AWS_LAMBDA_RUNTIME_API", runtimeApi);
		environment.put("AWS_LAMBDA_FUNCTION_NAME", settings.functionName());
		environment.put("AWS_LAMBDA_FUNCTION_VERSION", EmulatorSettings.VERSION);
		environment.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(settings.memoryMb()));
		environment.put("LAMBDA_TASK_ROOT", taskRoot.toAbsolutePath().toString());
		environment.put("AWS_LAMBDA_INITIALIZATION_TYPE", settings.snapStart() ? "snap-start" : "on-demand");
		environment.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + settings.functionName());
		environment.put("AWS_LAMBDA_LOG_STREAM_NAME",
				DateTimeFormatter.ofPattern("yyyy/MM/dd").format(LocalDate.now(ZoneOffset.UTC)) + "/["
						+ EmulatorSettings.VERSION + "]" + UUID.randomUUID().toString().replace("-", ""));
		environment.put("AWS_REGION", EmulatorSettings.REGION);
		environment.put("AWS_DEFAULT_REGION", EmulatorSettings.REGION);
		environment.put("TZ", ":UTC");
		if (settings.concurrency() > 1) {
			environment.put("AWS_LAMBDA_MAX_CONCURRENCY", Integer.toString(settings.concurrency()));
		}
		if (handler != null) {
			environment.put("_HANDLER", handler);
		}
		return environment;
	}

	/**
	 * The variables an external extension gets: the runtime's, without those Lambda keeps for the runtime process.
	 * @param runtime the runtime's variables
	 * @return the extension's
	 */
	static Map<String, String> forExtensions(Map<String, String> runtime) {
		Map<String, String> environment = new LinkedHashMap<>(runtime);
		environment.keySet().removeAll(RUNTIME_ONLY);
		return environment;
	}

}
