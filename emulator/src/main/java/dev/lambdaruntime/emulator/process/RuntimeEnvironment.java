package dev.lambdaruntime.emulator.process;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import dev.lambdaruntime.emulator.lambda.EmulatorSettings;
import org.jspecify.annotations.Nullable;

/**
 * The variables Lambda sets for a custom runtime, as this emulator sets them for the bootstrap it starts.
 */
final class RuntimeEnvironment {

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

}
