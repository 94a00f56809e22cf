package dev.lambdaruntime.api;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link Endpoint}.
 */
class EndpointTests {

	@Test
	void parsesHostAndPort() {
		Endpoint endpoint = Endpoint.parse("127.0.0.1:9001");
		assertThat(endpoint.host()).isEqualTo("127.0.0.1");
		assertThat(endpoint.port()).isEqualTo(9001);
		assertThat(endpoint.authority()).isEqualTo("127.0.0.1:9001");
	}

	@Test
	void parsesBracketedIpv6() {
		Endpoint endpoint = Endpoint.parse("[::1]:8080");
		assertThat(endpoint.host()).isEqualTo("::1");
		assertThat(endpoint.port()).isEqualTo(8080);
		assertThat(endpoint.authority()).isEqualTo("[::1]:8080");
	}

	@Test
	void defaultsToPort80() {
		assertThat(Endpoint.parse("localhost").port()).isEqualTo(80);
	}

	@Test
	void toleratesSchemeAndTrailingSlash() {
		Endpoint endpoint = Endpoint.parse(" http://localhost:9001/ ");
		assertThat(endpoint.host()).isEqualTo("localhost");
		assertThat(endpoint.port()).isEqualTo(9001);
		assertThat(endpoint.authority()).isEqualTo("localhost:9001");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", " ", ":9001", "host:", "host:0", "host:65536", "host:12a", "::1", "[::1",
			"[::1]x", "host/path:1", "user@host:1", "ho st:1", "host:9001\r\nX: y", "https://host:1" })
	void rejectsInvalidEndpoints(String endpoint) {
		assertThatIllegalArgumentException().isThrownBy(() -> Endpoint.parse(endpoint))
			.withMessageContaining("Runtime API endpoint must be host:port");
	}

	@Test
	void clientRejectsInvalidEndpointAtOnce() {
		assertThatIllegalArgumentException().isThrownBy(() -> new RuntimeApiClient("no-port:"))
			.withMessageContaining("'no-port:'");
	}

}
