package dev.lambdaruntime.emulator.http;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.util.Collections;
import java.util.Optional;

import dev.lambdaruntime.emulator.LambdaEmulator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * The emulator listens on loopback unless told otherwise: the machine's other addresses refuse connections.
 */
class LoopbackOnlyTests {

	@Test
	void listensOnLoopbackOnlyByDefault() throws IOException {
		Optional<InetAddress> external = externalAddress();
		assumeThat(external).as("a non-loopback IPv4 address on this machine").isPresent();
		try (LambdaEmulator emulator = LambdaEmulator.create().start()) {
			assertThat(emulator.runtimeApi()).startsWith("127.0.0.1:");
			try (Socket loopback = new Socket(InetAddress.getLoopbackAddress(), emulator.port())) {
				assertThat(loopback.isConnected()).isTrue();
			}
			try (Socket other = new Socket()) {
				assertThatIOException()
					.isThrownBy(() -> other.connect(new InetSocketAddress(external.get(), emulator.port()), 5000));
			}
		}
	}

	@Test
	void listensWhereToldTo() throws IOException {
		Optional<InetAddress> external = externalAddress();
		assumeThat(external).as("a non-loopback IPv4 address on this machine").isPresent();
		try (LambdaEmulator emulator = LambdaEmulator.builder()
			.bindAddress(InetAddress.getByName("0.0.0.0"))
			.build()
			.start(); Socket other = new Socket()) {
			other.connect(new InetSocketAddress(external.get(), emulator.port()), 5000);
			assertThat(other.isConnected()).isTrue();
		}
	}

	private static Optional<InetAddress> externalAddress() throws SocketException {
		return Collections.list(NetworkInterface.getNetworkInterfaces())
			.stream()
			.flatMap((network) -> Collections.list(network.getInetAddresses()).stream())
			.filter((address) -> address instanceof Inet4Address && !address.isLoopbackAddress())
			.findFirst();
	}

}
