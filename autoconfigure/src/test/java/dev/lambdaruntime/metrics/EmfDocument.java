package dev.lambdaruntime.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One line the runtime wrote, checked against CloudWatch's Embedded Metric Format specification (the root node, the
 * {@code _aws} metadata, the metric directives, dimension sets, metric definitions and their target members, and
 * EMF's limits) and then read like CloudWatch reads it; for tests here and in the sample app.
 */
public final class EmfDocument {

	private static final JsonMapper json = JsonMapper.builder()
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.build();

	private static final Set<String> UNITS = Set.of("Seconds", "Microseconds", "Milliseconds", "Bytes", "Kilobytes",
			"Megabytes", "Gigabytes", "Terabytes", "Bits", "Kilobits", "Megabits", "Gigabits", "Terabits", "Percent",
			"Count", "Bytes/Second", "Kilobytes/Second", "Megabytes/Second", "Gigabytes/Second", "Terabytes/Second",
			"Bits/Second", "Kilobits/Second", "Megabits/Second", "Gigabits/Second", "Terabits/Second", "Count/Second",
			"None");

	private final Map<String, Object> root;

	private final String namespace;

	private final List<String> dimensions;

	private final Map<String, String> units = new LinkedHashMap<>();

	private EmfDocument(Map<String, Object> root) {
		this.root = root;
		assertThat(root).as("root node").containsKey("_aws");
		Map<String, Object> metadata = object(root.get("_aws"), "_aws");
		assertThat(metadata.keySet()).as("_aws members").containsExactlyInAnyOrder("Timestamp", "CloudWatchMetrics");
		assertThat(metadata.get("Timestamp")).as("Timestamp").isInstanceOfAny(Integer.class, Long.class);
		assertThat(((Number) metadata.get("Timestamp")).longValue()).as("Timestamp").isPositive();
		List<Object> directives = array(metadata.get("CloudWatchMetrics"), "CloudWatchMetrics");
		// The runtime writes one directive per document.
		assertThat(directives).as("CloudWatchMetrics").hasSize(1);
		Map<String, Object> directive = object(directives.get(0), "MetricDirective");
		assertThat(directive.keySet()).as("MetricDirective members")
			.containsExactlyInAnyOrder("Namespace", "Dimensions", "Metrics");
		this.namespace = string(directive.get("Namespace"), "Namespace");
		assertThat(this.namespace).as("Namespace").hasSizeBetween(1, 255);
		List<Object> dimensionSets = array(directive.get("Dimensions"), "Dimensions");
		assertThat(dimensionSets).as("Dimensions").hasSize(1);
		this.dimensions = new ArrayList<>();
		for (Object name : array(dimensionSets.get(0), "DimensionSet")) {
			String dimension = string(name, "dimension reference");
			assertThat(root.get(dimension)).as("dimension target " + dimension).isInstanceOf(String.class);
			assertThat((String) root.get(dimension)).as("dimension value " + dimension)
				.isNotBlank()
				.hasSizeLessThanOrEqualTo(1024);
			this.dimensions.add(dimension);
		}
		assertThat(this.dimensions).as("DimensionSet").hasSizeLessThanOrEqualTo(30).doesNotHaveDuplicates();
		List<Object> metrics = array(directive.get("Metrics"), "Metrics");
		assertThat(metrics).as("Metrics").isNotEmpty().hasSizeLessThanOrEqualTo(100);
		for (Object item : metrics) {
			Map<String, Object> definition = object(item, "MetricDefinition");
			assertThat(Set.of("Name", "Unit", "StorageResolution")).as("MetricDefinition members")
				.containsAll(definition.keySet());
			String name = string(definition.get("Name"), "Name");
			assertThat(name).as("Name").hasSizeBetween(1, 255);
			assertThat(this.units).as("metric names").doesNotContainKey(name);
			String unit = string(definition.getOrDefault("Unit", "None"), "Unit");
			assertThat(UNITS).as("Unit").contains(unit);
			if (definition.containsKey("StorageResolution")) {
				assertThat(definition.get("StorageResolution")).as("StorageResolution").isIn(1, 60);
			}
			assertThat(this.dimensions).as("a metric is not a dimension").doesNotContain(name);
			Object target = root.get(name);
			if (target instanceof List<?> values) {
				assertThat(values).as("values of " + name).isNotEmpty().hasSizeLessThanOrEqualTo(100)
					.allSatisfy((value) -> assertThat(value).isInstanceOf(Number.class));
			}
			else {
				assertThat(target).as("metric target " + name).isInstanceOf(Number.class);
			}
			this.units.put(name, unit);
		}
	}

	/**
	 * Reads and checks one line.
	 * @param line a line of output
	 * @return the document
	 */
	public static EmfDocument parse(String line) {
		assertThat(line).as("one line").doesNotContain("\n").startsWith("{").endsWith("}");
		return new EmfDocument(json.readValue(line, new TypeReference<Map<String, Object>>() {
		}));
	}

	/**
	 * Reads and checks the lines of output that are EMF documents (those with an {@code _aws} member), leaving out
	 * the rest (log lines).
	 * @param output the output
	 * @return the documents, in order
	 */
	public static List<EmfDocument> parseAll(String output) {
		return output.lines().filter((line) -> line.startsWith("{\"_aws\"")).map(EmfDocument::parse).toList();
	}

	/**
	 * All values of a metric over some documents: what CloudWatch's {@code SUM} statistic adds up.
	 * @param documents the documents
	 * @param metric the metric's name
	 * @return the sum
	 */
	public static double sum(List<EmfDocument> documents, String metric) {
		return documents.stream().flatMap((document) -> document.values(metric).stream())
			.mapToDouble(Double::doubleValue)
			.sum();
	}

	public String namespace() {
		return this.namespace;
	}

	/** The dimensions' names, in order. */
	public List<String> dimensions() {
		return this.dimensions;
	}

	/** Each metric's unit, by name. */
	public Map<String, String> units() {
		return this.units;
	}

	/** A metric's values: one, or each sample of an array; none when the document does not have it. */
	public List<Double> values(String metric) {
		if (!this.units.containsKey(metric)) {
			return List.of();
		}
		Object target = this.root.get(metric);
		if (target instanceof List<?> values) {
			return values.stream().map((value) -> ((Number) value).doubleValue()).toList();
		}
		return List.of(((Number) target).doubleValue());
	}

	/** A root member: a dimension's value, or another property. */
	public @Nullable Object member(String name) {
		return this.root.get(name);
	}

	/** The request id the document names, or {@code null}. */
	public @Nullable String requestId() {
		return (String) this.root.get("requestId");
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> object(@Nullable Object value, String what) {
		assertThat(value).as(what).isInstanceOf(Map.class);
		return (Map<String, Object>) value;
	}

	@SuppressWarnings("unchecked")
	private static List<Object> array(@Nullable Object value, String what) {
		assertThat(value).as(what).isInstanceOf(List.class);
		return (List<Object>) value;
	}

	private static String string(@Nullable Object value, String what) {
		assertThat(value).as(what).isInstanceOf(String.class);
		return (String) value;
	}

	@Override
	public String toString() {
		return this.root.toString();
	}

}
