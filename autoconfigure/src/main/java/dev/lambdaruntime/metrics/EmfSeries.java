package dev.lambdaruntime.metrics;

import dev.lambdaruntime.api.JsonText;

/**
 * One metric as EMF names it: its root member, its {@code MetricDefinition} and its dimensions, worked out once
 * when the meter is created.
 */
final class EmfSeries {

	/** CloudWatch's limit on a metric's name; a document with a longer one is not read as metrics at all. */
	static final int MAX_NAME_LENGTH = 255;

	private final String name;

	private final Dimensions dimensions;

	private final boolean distribution;

	private final String definitionJson;

	private final String memberPrefix;

	/**
	 * @param name the metric's name
	 * @param unit its CloudWatch unit
	 * @param dimensions its dimensions
	 * @param distribution whether its values are samples written as an array (timers, distribution summaries)
	 * rather than one number
	 * @param highResolution whether CloudWatch stores it at one-second resolution
	 */
	EmfSeries(String name, String unit, Dimensions dimensions, boolean distribution, boolean highResolution) {
		this.name = name;
		this.dimensions = dimensions;
		this.distribution = distribution;
		StringBuilder definition = new StringBuilder("{\"Name\":");
		JsonText.appendString(definition, name);
		definition.append(",\"Unit\":\"").append(unit).append('"');
		if (highResolution) {
			definition.append(",\"StorageResolution\":1");
		}
		this.definitionJson = definition.append('}').toString();
		StringBuilder member = new StringBuilder();
		JsonText.appendString(member, name);
		this.memberPrefix = member.append(':').toString();
	}

	String name() {
		return this.name;
	}

	Dimensions dimensions() {
		return this.dimensions;
	}

	boolean distribution() {
		return this.distribution;
	}

	/** The {@code MetricDefinition} object. */
	String definitionJson() {
		return this.definitionJson;
	}

	/** The root member's name, quoted, and its colon. */
	String memberPrefix() {
		return this.memberPrefix;
	}

	/** Whether its name clashes with another root member of its documents; CloudWatch would read neither right. */
	boolean clashes() {
		return this.dimensions.hasMember(this.name);
	}

	/** Whether CloudWatch takes its name: 1 to {@value #MAX_NAME_LENGTH} characters, not all blank. */
	boolean hasValidName() {
		return !this.name.isBlank() && this.name.length() <= MAX_NAME_LENGTH;
	}

	/** Whether it goes into documents: a valid name that clashes with nothing. */
	boolean writable() {
		return hasValidName() && !clashes();
	}

}
