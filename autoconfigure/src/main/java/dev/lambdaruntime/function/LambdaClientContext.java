package dev.lambdaruntime.function;

import java.util.Map;

import com.amazonaws.services.lambda.runtime.Client;
import com.amazonaws.services.lambda.runtime.ClientContext;
import org.jspecify.annotations.Nullable;

/**
 * The mobile client context from {@code Lambda-Runtime-Client-Context}: {@code client}, {@code custom}, {@code env}.
 */
final class LambdaClientContext implements ClientContext {

	private final Map<String, Object> json;

	LambdaClientContext(Map<String, Object> json) {
		this.json = json;
	}

	@Override
	public @Nullable Client getClient() {
		Map<String, Object> client = JsonMaps.object(this.json, "client");
		return (client != null) ? new LambdaClient(client) : null;
	}

	@Override
	public Map<String, String> getCustom() {
		return JsonMaps.texts(this.json, "custom");
	}

	@Override
	public Map<String, String> getEnvironment() {
		return JsonMaps.texts(this.json, "env");
	}

	private record LambdaClient(Map<String, Object> json) implements Client {

		@Override
		public @Nullable String getInstallationId() {
			return JsonMaps.text(this.json, "installation_id");
		}

		@Override
		public @Nullable String getAppTitle() {
			return JsonMaps.text(this.json, "app_title");
		}

		@Override
		public @Nullable String getAppVersionName() {
			return JsonMaps.text(this.json, "app_version_name");
		}

		@Override
		public @Nullable String getAppVersionCode() {
			return JsonMaps.text(this.json, "app_version_code");
		}

		@Override
		public @Nullable String getAppPackageName() {
			return JsonMaps.text(this.json, "app_package_name");
		}

	}

}
