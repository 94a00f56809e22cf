package dev.lambdaruntime.maven.fork;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The variables Lambda sets for a custom runtime's bootstrap, for the runtimes the plugin (and its tests) start
 * against an emulator: what the AOT cache sees at training is what the function meets on Lambda.
 */
public final class RuntimeVariables {

	private RuntimeVariables() {
	}

	/**
	 * The variables, for an on-demand start.
	 * @param runtimeApi the emulator's Runtime API address
	 * @param functionName the function's name
	 * @param taskRoot the task root ({@code LAMBDA_TASK_ROOT})
	 * @return the variables, to add to a process's environment
	 */
	public static Map<String, String> of(String runtimeApi, String functionName, Path taskRoot) {
		Map<String, String> variables = new LinkedHashMap<>();
		variables.put("AWS_LAMBDA_RUNTIME_API", runtimeApi);
		variables.put("AWS_LAMBDA_FUNCTION_NAME", functionName);
		variables.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
		variables.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "1024");
		variables.put("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand");
		variables.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + functionName);
		variables.put("AWS_LAMBDA_LOG_STREAM_NAME", "2000/01/01/[$LATEST]0123456789abcdef");
		variables.put("AWS_REGION", "us-east-1");
		variables.put("TZ", ":UTC");
		variables.put("LAMBDA_TASK_ROOT", taskRoot.toString());
		return variables;
	}

}
