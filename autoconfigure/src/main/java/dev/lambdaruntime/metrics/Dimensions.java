package dev.lambdaruntime.metrics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.lambdaruntime.api.JsonText;

/**
 * The dimensions of the metrics that share them, written once per document: the {@code DimensionSet} and the root
 * members that carry their values. A pair CloudWatch would refuse as a dimension (past the 30th, or not printable
 * ASCII, or a blank value) is still written, as a plain member Logs Insights can query.
 */
final class Dimensions {

	/** EMF's limit of dimensions in one {@code DimensionSet}. */
	static final int MAX_DIMENSIONS = 30;

	private static final int MAX_NAME_LENGTH = 255;

	private static final int MAX_VALUE_LENGTH = 1024;

	private static final Set<String> RESERVED = Set.of("_aws", EmfDocuments.REQUEST_ID);

	private final String setJson;

	private final String membersJson;

	private final Set<String> memberNames;

	private final List<String> demoted;

	private Dimensions(String setJson, String membersJson, Set<String> memberNames, List<String> demoted) {
		this.setJson = setJson;
		this.membersJson = membersJson;
		this.memberNames = memberNames;
		this.demoted = demoted;
	}

	/**
	 * Dimensions from name-value pairs, in order.
	 */
	static Dimensions of(Map<String, String> pairs) {
		StringBuilder set = new StringBuilder("[");
		StringBuilder members = new StringBuilder();
		Set<String> names = new HashSet<>();
		List<String> demoted = new ArrayList<>();
		int count = 0;
		for (Map.Entry<String, String> pair : pairs.entrySet()) {
			String name = pair.getKey();
			if (RESERVED.contains(name)) {
				demoted.add(name);
				continue;
			}
			if (count < MAX_DIMENSIONS && isDimension(name, pair.getValue())) {
				set.append((count++ > 0) ? "," : "");
				JsonText.appendString(set, name);
			}
			else {
				demoted.add(name);
			}
			members.append((members.length() > 0) ? "," : "");
			JsonText.appendString(members, name);
			members.append(':');
			JsonText.appendString(members, pair.getValue());
			names.add(name);
		}
		return new Dimensions(set.append(']').toString(), members.toString(), Collections.unmodifiableSet(names),
				List.copyOf(demoted));
	}

	private static boolean isDimension(String name, String value) {
		return !name.isEmpty() && name.length() <= MAX_NAME_LENGTH && name.charAt(0) != ':' && isPrintableAscii(name)
				&& !value.isBlank() && value.length() <= MAX_VALUE_LENGTH && isPrintableAscii(value);
	}

	private static boolean isPrintableAscii(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c < 0x20 || c > 0x7E) {
				return false;
			}
		}
		return true;
	}

	/** The {@code DimensionSet}, as a JSON array of names. */
	String setJson() {
		return this.setJson;
	}

	/** The root members, {@code "name":"value"} pairs separated by commas (empty without any). */
	String membersJson() {
		return this.membersJson;
	}

	/** Whether a root member of this name is taken. */
	boolean hasMember(String name) {
		return RESERVED.contains(name) || this.memberNames.contains(name);
	}

	/** The names of pairs that are not dimensions (written as plain members, or not at all when reserved). */
	List<String> demoted() {
		return this.demoted;
	}

}
