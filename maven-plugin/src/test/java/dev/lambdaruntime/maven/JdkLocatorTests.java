package dev.lambdaruntime.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class JdkLocatorTests {

	@TempDir
	Path directory;

	@Test
	void takesTheToolchainFirst() throws IOException {
		Path toolchain = jdk("toolchain", "25.0.1", "Linux", "x86_64");
		Path parameter = jdk("parameter", "25.0.3", "Linux", "x86_64");
		assertThat(JdkLocator.locate(toolchain, parameter, jdk("maven", "26", "Linux", "x86_64"), List.of()).home())
			.isEqualTo(toolchain);
	}

	@Test
	void takesTheParameterWithoutAToolchain() throws IOException {
		Path parameter = jdk("parameter", "25.0.3", "Linux", "x86_64");
		Jdk jdk = JdkLocator.locate(null, parameter, jdk("maven", "17.0.15", "Linux", "x86_64"), List.of());
		assertThat(jdk.home()).isEqualTo(parameter);
		assertThat(jdk.feature()).isEqualTo(25);
		assertThat(jdk.tool("jlink")).isEqualTo(parameter.resolve("bin/jlink"));
	}

	@Test
	void takesMavensOwnJvmWhenItIs25OrLater() throws IOException {
		Path maven = jdk("maven", "26-ea", "Linux", "amd64");
		assertThat(JdkLocator.locate(null, null, maven, List.of()).home()).isEqualTo(maven);
	}

	@Test
	void takesAnInstalledJdkLastTheOldestFeatureFrom25Up() throws IOException {
		Path maven = jdk("maven", "17.0.15", "Linux", "x86_64");
		List<Path> installed = List.of(jdk("jdk-21", "21.0.5", "Linux", "x86_64"),
				jdk("jdk-26", "26", "Linux", "x86_64"), jdk("jdk-25.0.1", "25.0.1", "Linux", "x86_64"),
				jdk("jdk-25.0.10", "25.0.10", "Linux", "x86_64"), jdk("jdk-25-mac", "25.0.11", "Darwin", "aarch64"),
				this.directory.resolve("missing"));
		assertThat(JdkLocator.locate(null, null, maven, installed).home())
			.isEqualTo(this.directory.resolve("jdk-25.0.10"));
	}

	@Test
	void anInstalledJdkComesAfterEveryChoiceTheBuildMakes() throws IOException {
		Path installed = jdk("installed", "25.0.3", "Linux", "x86_64");
		Path parameter = jdk("parameter", "25.0.1", "Linux", "x86_64");
		assertThat(JdkLocator.locate(null, parameter, jdk("maven", "17", "Linux", "x86_64"), List.of(installed))
			.home()).isEqualTo(parameter);
		Path maven = jdk("maven-25", "25.0.2", "Linux", "x86_64");
		assertThat(JdkLocator.locate(null, null, maven, List.of(installed)).home()).isEqualTo(maven);
	}

	@Test
	void findsCandidatesInTheUsualPlaces() throws IOException {
		Path userHome = Files.createDirectories(this.directory.resolve("home"));
		Path sdkman = jdk("home/.sdkman/candidates/java/25.0.3-tem", "25.0.3", "Linux", "x86_64");
		Path ide = jdk("home/.jdks/temurin-25", "25", "Linux", "x86_64");
		Path ci = jdk("hostedtoolcache/jdk-25", "25", "Linux", "x86_64");
		List<Path> candidates = InstalledJdks.candidates(Map.of("JAVA_HOME_25_X64", ci.toString(), "PATH", "/bin"),
				userHome);
		assertThat(candidates).startsWith(ci).contains(sdkman, ide).doesNotContain(Path.of("/bin"));
	}

	@Test
	void withoutOneSaysExactlyWhatToSet() throws IOException {
		Path maven = jdk("maven", "17.0.15", "Linux", "x86_64");
		assertThatIllegalStateException().isThrownBy(() -> JdkLocator.locate(null, null, maven, List.of()))
			.withMessageContaining("Maven runs on JDK 17.0.15")
			.withMessageContaining("<type>jdk</type><provides><version>25</version></provides>")
			.withMessageContaining("-Dlambda-runtime.jdk=/path/to/jdk-25")
			.withMessageContaining("-Dlambda-runtime.skipFunctionZip -Dlambda-runtime.skipContainer");
	}

	@Test
	void refusesAnOlderJdk() throws IOException {
		Path parameter = jdk("parameter", "21.0.5", "Linux", "x86_64");
		assertThatIllegalStateException()
			.isThrownBy(() -> JdkLocator.locate(null, parameter, jdk("maven", "17", "Linux", "x86_64"), List.of()))
			.withMessageStartingWith("lambda-runtime.jdk names JDK 21.0.5")
			.withMessageContaining("-Dlambda-runtime.jdk=");
	}

	@Test
	void refusesAJdkForAnotherPlatform() throws IOException {
		Path parameter = jdk("parameter", "25", "Darwin", "aarch64");
		assertThatIllegalStateException()
			.isThrownBy(() -> JdkLocator.locate(null, parameter, jdk("maven", "17", "Linux", "x86_64"), List.of()))
			.withMessageContaining("a JDK for Darwin aarch64")
			.withMessageContaining("x86_64 provided.al2023");
	}

	@Test
	void refusesADirectoryThatIsNoJdk() throws IOException {
		Path empty = Files.createDirectories(this.directory.resolve("empty"));
		assertThatIllegalStateException()
			.isThrownBy(() -> JdkLocator.locate(empty, null, jdk("maven", "17", "Linux", "x86_64"), List.of()))
			.withMessageStartingWith("The jdk toolchain names " + empty + ", which is not a JDK");
	}

	private Path jdk(String name, String version, String os, String arch) throws IOException {
		Path home = Files.createDirectories(this.directory.resolve(name));
		Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"Eclipse Adoptium\"\nJAVA_VERSION=\"" + version
				+ "\"\nOS_NAME=\"" + os + "\"\nOS_ARCH=\"" + arch + "\"\n");
		Files.createDirectories(home.resolve("bin"));
		Files.writeString(home.resolve("bin/jlink"), "");
		return home;
	}

}
