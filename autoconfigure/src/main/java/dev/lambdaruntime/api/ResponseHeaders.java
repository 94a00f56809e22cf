package dev.lambdaruntime.api;

import java.util.Arrays;

import org.jspecify.annotations.Nullable;

/**
 * The header fields of one response, in arrival order, looked up by case-insensitive name.
 */
final class ResponseHeaders {

	private String[] names = new String[16];

	private String[] values = new String[16];

	private int size;

	void add(String name, String value) {
		if (this.size == this.names.length) {
			this.names = Arrays.copyOf(this.names, this.size * 2);
			this.values = Arrays.copyOf(this.values, this.size * 2);
		}
		this.names[this.size] = name;
		this.values[this.size] = value;
		this.size++;
	}

	/**
	 * The first value of a header.
	 * @param name the header name, in any case
	 * @return the value, or {@code null} when the header is absent
	 */
	@Nullable String get(String name) {
		for (int i = 0; i < this.size; i++) {
			if (this.names[i].equalsIgnoreCase(name)) {
				return this.values[i];
			}
		}
		return null;
	}

	/**
	 * Whether any value of a header lists a token, as in {@code Connection: close}.
	 * @param name the header name, in any case
	 * @param token the token, in any case
	 * @return {@code true} when one of the comma-separated elements is the token
	 */
	boolean hasToken(String name, String token) {
		for (int i = 0; i < this.size; i++) {
			if (this.names[i].equalsIgnoreCase(name)) {
				for (String element : this.values[i].split(",")) {
					if (element.trim().equalsIgnoreCase(token)) {
						return true;
					}
				}
			}
		}
		return false;
	}

	int size() {
		return this.size;
	}

	String name(int index) {
		return this.names[index];
	}

	String value(int index) {
		return this.values[index];
	}

}
