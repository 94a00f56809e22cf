package dev.lambdaruntime.autoconfigure;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties for Micrometer metrics written as CloudWatch Embedded Metric Format.
 */
@ConfigurationProperties("lambda.runtime.metrics")
public class LambdaMetricsProperties {

	/**
	 * Whether meters are written as CloudWatch EMF at the end of each invocation, when Micrometer is on the class
	 * path.
	 */
	private boolean enabled = true;

	/**
	 * CloudWatch namespace of every metric. Defaults to spring.application.name, else "lambda-runtime".
	 */
	private @Nullable String namespace;

	/**
	 * Dimensions every metric carries, ahead of its own tags, for example service=orders.
	 */
	private Map<String, String> dimensions = new LinkedHashMap<>();

	/**
	 * Whether every metric carries the function's name (AWS_LAMBDA_FUNCTION_NAME) as its first dimension,
	 * function_name.
	 */
	private boolean functionNameDimension = true;

	/**
	 * How often gauges and the other meters that are read rather than recorded to are sampled, at the end of an
	 * invocation. Zero samples them at the end of every invocation.
	 */
	private Duration gaugeInterval = Duration.ofMinutes(1);

	/**
	 * Whether metrics are stored at one-second resolution rather than CloudWatch's standard minute.
	 */
	private boolean highResolution;

	/**
	 * Whether the first invocation of each execution environment writes the ColdStart metric (and SnapStartRestore
	 * when the environment was restored from a SnapStart snapshot).
	 */
	private boolean coldStart = true;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public @Nullable String getNamespace() {
		return this.namespace;
	}

	public void setNamespace(@Nullable String namespace) {
		this.namespace = namespace;
	}

	public Map<String, String> getDimensions() {
		return this.dimensions;
	}

	public void setDimensions(Map<String, String> dimensions) {
		this.dimensions = dimensions;
	}

	public boolean isFunctionNameDimension() {
		return this.functionNameDimension;
	}

	public void setFunctionNameDimension(boolean functionNameDimension) {
		this.functionNameDimension = functionNameDimension;
	}

	public Duration getGaugeInterval() {
		return this.gaugeInterval;
	}

	public void setGaugeInterval(Duration gaugeInterval) {
		this.gaugeInterval = gaugeInterval;
	}

	public boolean isHighResolution() {
		return this.highResolution;
	}

	public void setHighResolution(boolean highResolution) {
		this.highResolution = highResolution;
	}

	public boolean isColdStart() {
		return this.coldStart;
	}

	public void setColdStart(boolean coldStart) {
		this.coldStart = coldStart;
	}

}
