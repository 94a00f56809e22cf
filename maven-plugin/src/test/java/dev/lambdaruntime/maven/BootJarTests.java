package dev.lambdaruntime.maven;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class BootJarTests {

	@TempDir
	Path directory;

	@Test
	void readsTheStartClassAndFindsSpringAotsInitializer() throws Exception {
		Path jar = jar("app.jar", "com.example.App", "BOOT-INF/classes/",
				"BOOT-INF/classes/com/example/App__ApplicationContextInitializer.class");
		assertThat(BootJar.read(jar)).contains(new BootJar(jar, "com.example.App", true));
	}

	@Test
	void withoutTheInitializerSpringAotIsOff() throws Exception {
		Path jar = jar("app.jar", "com.example.App", "BOOT-INF/classes/", "BOOT-INF/classes/com/example/App.class");
		assertThat(BootJar.read(jar).orElseThrow().springAot()).isFalse();
	}

	@Test
	void findsTheBootJarAmongThePlainOnes() throws Exception {
		Path plain = jar("app-plain.jar", null, "com/example/App.class");
		Path boot = jar("app-exec.jar", "com.example.App", "BOOT-INF/classes/");
		assertThat(BootJar.find(List.of(plain, boot)).file()).isEqualTo(boot);
	}

	@Test
	void saysToRepackageFirstWhenThereIsNone() throws Exception {
		Path plain = jar("app.jar", null, "com/example/App.class");
		assertThatIllegalStateException().isThrownBy(() -> BootJar.find(List.of(plain)))
			.withMessageContaining("declare spring-boot-maven-plugin (its repackage goal) before "
					+ "lambda-runtime-maven-plugin");
	}

	private Path jar(String name, String startClass, String... entries) throws Exception {
		Manifest manifest = new Manifest();
		manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
		if (startClass != null) {
			manifest.getMainAttributes().putValue("Start-Class", startClass);
		}
		Path file = this.directory.resolve(name);
		try (OutputStream out = Files.newOutputStream(file); JarOutputStream jar = new JarOutputStream(out, manifest)) {
			for (String entry : entries) {
				jar.putNextEntry(new JarEntry(entry));
				jar.closeEntry();
			}
		}
		return file;
	}

}
