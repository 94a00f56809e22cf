package dev.lambdaruntime.handler;

import java.util.LinkedHashMap;
import java.util.Map;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import dev.lambdaruntime.api.Invocation;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds the runtime's {@link Invocation} from what AWS's runtime client hands a handler: the event bytes and its
 * {@link Context}. The client has already parsed the client context and Cognito identity; they are written back as
 * the JSON the Runtime API carries, so the function sees the same {@code Context} either way.
 */
final class ContextInvocation {

	private final JsonMapper jsonMapper;

	ContextInvocation(JsonMapper jsonMapper) {
		this.jsonMapper = jsonMapper;
	}

	Invocation from(Context context, byte[] payload) {
		long deadline = System.currentTimeMillis() + Math.max(0, context.getRemainingTimeInMillis());
		return Invocation.builder(context.getAwsRequestId(), payload)
			.deadlineMs(deadline)
			.invokedFunctionArn(context.getInvokedFunctionArn())
			.traceId(traceId(context))
			.clientContext(clientContext(context.getClientContext()))
			.cognitoIdentity(cognitoIdentity(context.getIdentity()))
			.tenantId(tenantId(context))
			.build();
	}

	private static @Nullable String tenantId(Context context) {
		try {
			return context.getTenantId();
		}
		catch (LinkageError ex) {
			// The runtime's own aws-lambda-java-core predates tenant ids.
			return null;
		}
	}

	private static @Nullable String traceId(Context context) {
		String traceId;
		try {
			traceId = context.getXrayTraceId();
		}
		catch (LinkageError ex) {
			// The runtime's own aws-lambda-java-core predates it; the client still sets the property below.
			traceId = null;
		}
		// AWS's client sets this property for every invocation; older ones leave the Context's value empty.
		return (traceId != null && !traceId.isEmpty()) ? traceId : System.getProperty("com.amazonaws.xray.traceHeader");
	}

	private @Nullable String clientContext(@Nullable ClientContext clientContext) {
		if (clientContext == null) {
			return null;
		}
		Map<String, Object> json = new LinkedHashMap<>();
		if (clientContext.getClient() != null) {
			Map<String, @Nullable String> client = new LinkedHashMap<>();
			client.put("installation_id", clientContext.getClient().getInstallationId());
			client.put("app_title", clientContext.getClient().getAppTitle());
			client.put("app_version_name", clientContext.getClient().getAppVersionName());
			client.put("app_version_code", clientContext.getClient().getAppVersionCode());
			client.put("app_package_name", clientContext.getClient().getAppPackageName());
			json.put("client", client);
		}
		putIfPresent(json, "custom", clientContext.getCustom());
		putIfPresent(json, "env", clientContext.getEnvironment());
		return this.jsonMapper.writeValueAsString(json);
	}

	private @Nullable String cognitoIdentity(@Nullable CognitoIdentity identity) {
		if (identity == null || (identity.getIdentityId() == null && identity.getIdentityPoolId() == null)) {
			return null;
		}
		Map<String, @Nullable String> json = new LinkedHashMap<>();
		json.put("cognitoIdentityId", identity.getIdentityId());
		json.put("cognitoIdentityPoolId", identity.getIdentityPoolId());
		return this.jsonMapper.writeValueAsString(json);
	}

	private static void putIfPresent(Map<String, Object> json, String key, @Nullable Map<String, String> values) {
		if (values != null) {
			json.put(key, values);
		}
	}

}
