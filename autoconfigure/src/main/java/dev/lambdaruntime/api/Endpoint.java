package dev.lambdaruntime.api;

import java.net.InetSocketAddress;
import java.util.Locale;

/**
 * The Runtime API's {@code host:port}, as {@code AWS_LAMBDA_RUNTIME_API} gives it.
 *
 * @param host the host name or address (an IPv6 address without brackets)
 * @param port the TCP port
 * @param authority the {@code Host} header value
 */
record Endpoint(String host, int port, String authority) {

	private static final int DEFAULT_PORT = 80;

	/**
	 * Parses {@code host:port}, {@code [ipv6]:port} or {@code host}, tolerating an {@code http://} prefix and a
	 * trailing slash.
	 * @param endpoint the endpoint text
	 * @return the endpoint
	 * @throws IllegalArgumentException when the text is not a usable endpoint
	 */
	static Endpoint parse(String endpoint) {
		String text = endpoint.trim();
		if (text.toLowerCase(Locale.ROOT).startsWith("http://")) {
			text = text.substring("http://".length());
		}
		if (text.endsWith("/")) {
			text = text.substring(0, text.length() - 1);
		}
		if (text.isEmpty() || text.indexOf('/') >= 0 || text.indexOf('@') >= 0 || !isPrintable(text)) {
			throw invalid(endpoint);
		}
		String host;
		String port;
		if (text.startsWith("[")) {
			int close = text.indexOf(']');
			if (close < 2) {
				throw invalid(endpoint);
			}
			host = text.substring(1, close);
			String rest = text.substring(close + 1);
			if (!rest.isEmpty() && !rest.startsWith(":")) {
				throw invalid(endpoint);
			}
			port = rest.isEmpty() ? null : rest.substring(1);
		}
		else {
			int colon = text.lastIndexOf(':');
			if (colon != text.indexOf(':')) {
				throw invalid(endpoint);
			}
			host = (colon < 0) ? text : text.substring(0, colon);
			port = (colon < 0) ? null : text.substring(colon + 1);
		}
		if (host.isEmpty()) {
			throw invalid(endpoint);
		}
		return new Endpoint(host, (port != null) ? port(port, endpoint) : DEFAULT_PORT, text);
	}

	/**
	 * A socket address for this endpoint, resolved now.
	 * @return the address
	 */
	InetSocketAddress address() {
		return new InetSocketAddress(this.host, this.port);
	}

	@Override
	public String toString() {
		return this.authority;
	}

	private static int port(String text, String endpoint) {
		if (text.isEmpty() || text.length() > 5) {
			throw invalid(endpoint);
		}
		int port = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c < '0' || c > '9') {
				throw invalid(endpoint);
			}
			port = port * 10 + (c - '0');
		}
		if (port < 1 || port > 65535) {
			throw invalid(endpoint);
		}
		return port;
	}

	private static boolean isPrintable(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c <= ' ' || c >= 0x7F) {
				return false;
			}
		}
		return true;
	}

	private static IllegalArgumentException invalid(String endpoint) {
		return new IllegalArgumentException("Runtime API endpoint must be host:port, but was '" + endpoint + "'");
	}

}
