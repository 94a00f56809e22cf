package dev.lambdaruntime.function;

import java.util.Map;

import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import org.jspecify.annotations.Nullable;

/**
 * The Cognito identity from {@code Lambda-Runtime-Cognito-Identity}.
 */
final class LambdaCognitoIdentity implements CognitoIdentity {

	private final Map<String, Object> json;

	LambdaCognitoIdentity(Map<String, Object> json) {
		this.json = json;
	}

	@Override
	public @Nullable String getIdentityId() {
		return JsonMaps.text(this.json, "cognitoIdentityId");
	}

	@Override
	public @Nullable String getIdentityPoolId() {
		return JsonMaps.text(this.json, "cognitoIdentityPoolId");
	}

}
