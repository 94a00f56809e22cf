package dev.lambdaruntime.function;

import java.util.Map;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import dev.lambdaruntime.api.Invocation;
import dev.lambdaruntime.api.LambdaEnvironment;
import org.jspecify.annotations.Nullable;

import org.springframework.cloud.function.json.JsonMapper;

/**
 * aws-lambda-java-core's {@link Context} for one invocation, filled from its headers and Lambda's environment.
 */
final class LambdaContext implements Context {

	private static final LambdaLogger LOGGER = new Slf4jLambdaLogger();

	private final Invocation invocation;

	private final LambdaEnvironment environment;

	private final JsonMapper jsonMapper;

	LambdaContext(Invocation invocation, LambdaEnvironment environment, JsonMapper jsonMapper) {
		this.invocation = invocation;
		this.environment = environment;
		this.jsonMapper = jsonMapper;
	}

	@Override
	public String getAwsRequestId() {
		return this.invocation.requestId();
	}

	@Override
	public @Nullable String getLogGroupName() {
		return this.environment.logGroupName();
	}

	@Override
	public @Nullable String getLogStreamName() {
		return this.environment.logStreamName();
	}

	@Override
	public @Nullable String getFunctionName() {
		return this.environment.functionName();
	}

	@Override
	public @Nullable String getFunctionVersion() {
		return this.environment.functionVersion();
	}

	@Override
	public @Nullable String getInvokedFunctionArn() {
		return this.invocation.invokedFunctionArn();
	}

	@Override
	public @Nullable CognitoIdentity getIdentity() {
		Map<String, Object> identity = parse(this.invocation.cognitoIdentity());
		return (identity != null) ? new LambdaCognitoIdentity(identity) : null;
	}

	@Override
	public @Nullable ClientContext getClientContext() {
		Map<String, Object> clientContext = parse(this.invocation.clientContext());
		return (clientContext != null) ? new LambdaClientContext(clientContext) : null;
	}

	@Override
	public int getRemainingTimeInMillis() {
		return (int) Math.min(Integer.MAX_VALUE, this.invocation.remainingMillis(System.currentTimeMillis()));
	}

	@Override
	public int getMemoryLimitInMB() {
		return this.environment.memorySizeMb();
	}

	@Override
	public LambdaLogger getLogger() {
		return LOGGER;
	}

	@Override
	public @Nullable String getTenantId() {
		return this.invocation.tenantId();
	}

	@Override
	public @Nullable String getXrayTraceId() {
		return this.invocation.traceId();
	}

	// Parsed on demand: most functions never ask, and the hot path should not pay for it.
	private @Nullable Map<String, Object> parse(@Nullable String json) {
		if (json == null || json.isBlank()) {
			return null;
		}
		return this.jsonMapper.fromJson(json, Map.class);
	}

	@Override
	public String toString() {
		return "LambdaContext[requestId=" + this.invocation.requestId() + "]";
	}

}
