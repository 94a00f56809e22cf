package dev.lambdaruntime.metrics;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.lambdaruntime.api.JsonText;
import org.jspecify.annotations.Nullable;

/**
 * Writes metrics as CloudWatch Embedded Metric Format documents, one JSON line each: the metrics that share their
 * dimensions go together, within EMF's limits of 100 metrics per document and 100 values per metric, more documents
 * taking what does not fit.
 */
final class EmfDocuments {

	/** The root member that names the invocation a document's metrics were recorded in. */
	static final String REQUEST_ID = "requestId";

	/** EMF's limit of {@code MetricDefinition}s per directive. */
	static final int MAX_METRICS = 100;

	/** EMF's limit of values in one metric's array. */
	static final int MAX_VALUES = 100;

	/** Well under CloudWatch Logs' event size, even if every character took three bytes. */
	static final int MAX_CHARS = 64 * 1024;

	private final String namespaceJson;

	EmfDocuments(String namespace) {
		StringBuilder json = new StringBuilder();
		JsonText.appendString(json, namespace);
		this.namespaceJson = json.toString();
	}

	/**
	 * The documents for some metrics.
	 * @param entries the metrics and their values
	 * @param timestamp the documents' {@code Timestamp}, epoch milliseconds
	 * @param requestId the invocation they were recorded in, or {@code null}
	 * @return the documents, one line each, none without metrics
	 */
	List<String> write(List<EmfEntry> entries, long timestamp, @Nullable String requestId) {
		Map<Dimensions, List<Piece>> groups = new LinkedHashMap<>();
		for (EmfEntry entry : entries) {
			if (entry.series().writable()) {
				Piece.split(entry, groups.computeIfAbsent(entry.series().dimensions(), (key) -> new ArrayList<>()));
			}
		}
		List<String> lines = new ArrayList<>();
		for (Map.Entry<Dimensions, List<Piece>> group : groups.entrySet()) {
			List<Piece> pending = group.getValue();
			while (!pending.isEmpty()) {
				Document document = new Document();
				List<Piece> deferred = new ArrayList<>();
				for (Piece piece : pending) {
					if (!document.add(piece)) {
						deferred.add(piece);
					}
				}
				lines.add(document.json(group.getKey(), timestamp, requestId));
				pending = deferred;
			}
		}
		return lines;
	}

	/**
	 * Appends a number as JSON: whole numbers without a fraction.
	 */
	static void appendNumber(StringBuilder json, double value) {
		if (value == Math.rint(value) && Math.abs(value) < 1e15) {
			json.append((long) value);
		}
		else {
			json.append(value);
		}
	}

	/**
	 * One metric's member in one document: its value, or up to {@link #MAX_VALUES} of its samples.
	 */
	private record Piece(EmfSeries series, String memberJson) {

		static void split(EmfEntry entry, List<Piece> pieces) {
			EmfSeries series = entry.series();
			double[] values = entry.values();
			if (!series.distribution()) {
				if (values.length == 1 && Double.isFinite(values[0])) {
					StringBuilder member = new StringBuilder(series.memberPrefix());
					appendNumber(member, values[0]);
					pieces.add(new Piece(series, member.toString()));
				}
				return;
			}
			@Nullable StringBuilder member = null;
			int inArray = 0;
			for (double value : values) {
				if (!Double.isFinite(value)) {
					continue;
				}
				if (member == null) {
					member = new StringBuilder(series.memberPrefix()).append('[');
				}
				member.append((inArray > 0) ? "," : "");
				appendNumber(member, value);
				if (++inArray == MAX_VALUES) {
					pieces.add(new Piece(series, member.append(']').toString()));
					member = null;
					inArray = 0;
				}
			}
			if (member != null) {
				pieces.add(new Piece(series, member.append(']').toString()));
			}
		}

	}

	/**
	 * One document being filled: it takes a piece while it has room and no member of the same name.
	 */
	private final class Document {

		private final StringBuilder definitions = new StringBuilder();

		private final StringBuilder members = new StringBuilder();

		private final Set<String> names = new HashSet<>();

		boolean add(Piece piece) {
			int size = this.definitions.length() + this.members.length() + piece.series().definitionJson().length()
					+ piece.memberJson().length();
			if (this.names.size() == MAX_METRICS || this.names.contains(piece.series().name())
					|| (!this.names.isEmpty() && size > MAX_CHARS)) {
				return false;
			}
			this.definitions.append(this.names.isEmpty() ? "" : ",").append(piece.series().definitionJson());
			this.members.append(',').append(piece.memberJson());
			this.names.add(piece.series().name());
			return true;
		}

		String json(Dimensions dimensions, long timestamp, @Nullable String requestId) {
			StringBuilder json = new StringBuilder(this.definitions.length() + this.members.length() + 256);
			json.append("{\"_aws\":{\"Timestamp\":").append(timestamp);
			json.append(",\"CloudWatchMetrics\":[{\"Namespace\":").append(EmfDocuments.this.namespaceJson);
			json.append(",\"Dimensions\":[").append(dimensions.setJson()).append("],\"Metrics\":[");
			json.append(this.definitions).append("]}]}");
			if (!dimensions.membersJson().isEmpty()) {
				json.append(',').append(dimensions.membersJson());
			}
			if (requestId != null) {
				json.append(",\"").append(REQUEST_ID).append("\":");
				JsonText.appendString(json, requestId);
			}
			return json.append(this.members).append('}').toString();
		}

	}

}
