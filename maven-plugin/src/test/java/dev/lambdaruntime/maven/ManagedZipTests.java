package dev.lambdaruntime.maven;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.Manifest;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class ManagedZipTests {

	@TempDir
	Path directory;

	@Test
	void putsClassesAtTheRootLibrariesInLibAndNamesTheApplicationInAManifest() throws Exception {
		Path classes = Files.createDirectories(this.directory.resolve("classes/com/example"));
		Files.writeString(classes.resolve("App.class"), "class");
		Files.writeString(this.directory.resolve("classes/application.properties"), "a=b");
		Path jar = Files.writeString(this.directory.resolve("spring-core.jar"), "jar");
		Path zip = this.directory.resolve("managed.zip");
		ManagedZip.write(zip, this.directory.resolve("classes"), new TreeMap<>(Map.of("spring-core-7.0.0.jar", jar)),
				"com.example.App");
		assertThat(ReproducibleZipTests.names(zip)).containsExactly("application.properties", "com/", "com/example/",
				"com/example/App.class", "META-INF/", "META-INF/MANIFEST.MF", "lib/", "lib/spring-core-7.0.0.jar");
		try (ZipFile file = new ZipFile(zip.toFile());
				InputStream manifest = file.getInputStream(file.getEntry("META-INF/MANIFEST.MF"))) {
			assertThat(new Manifest(manifest).getMainAttributes().getValue("Start-Class")).isEqualTo("com.example.App");
		}
	}

	@Test
	void keepsTheApplicationsOwnManifest() throws Exception {
		Path classes = Files.createDirectories(this.directory.resolve("classes/META-INF"));
		Files.writeString(classes.resolve("MANIFEST.MF"), "Manifest-Version: 1.0\n");
		Path zip = this.directory.resolve("managed.zip");
		ManagedZip.write(zip, this.directory.resolve("classes"), Map.of(), "com.example.App");
		try (ZipFile file = new ZipFile(zip.toFile())) {
			assertThat(file.getInputStream(file.getEntry("META-INF/MANIFEST.MF")).readAllBytes())
				.asString()
				.isEqualTo("Manifest-Version: 1.0\n");
		}
	}

	@Test
	void refusesADependencyThatIsNoJar() throws Exception {
		Path classes = Files.createDirectories(this.directory.resolve("other/target/classes"));
		assertThatIllegalStateException()
			.isThrownBy(() -> ManagedZip.write(this.directory.resolve("managed.zip"), this.directory.resolve("none"),
					Map.of("other-1.0.jar", classes), "com.example.App"))
			.withMessageContaining("The dependency other-1.0.jar is not a packaged jar");
	}

}
