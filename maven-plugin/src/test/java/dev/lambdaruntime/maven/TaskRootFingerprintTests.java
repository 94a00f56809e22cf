package dev.lambdaruntime.maven;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class TaskRootFingerprintTests {

	@TempDir
	Path directory;

	private Jdk jdk;

	private BootJar jar;

	private Path event;

	@BeforeEach
	void inputs() throws Exception {
		this.jdk = jdk("jdk-25", "JAVA_RUNTIME_VERSION=\"25.0.3+9-LTS\"\n");
		this.jar = new BootJar(jar("app.jar", 1_700_000_000_000L, "BOOT-INF/classes/App.class", "class",
				"BOOT-INF/lib/spring-core.jar", "core"), "com.example.App", false);
		this.event = Files.writeString(this.directory.resolve("event.json"), "{\"text\":\"one\"}");
	}

	@Test
	void theSameInputsGiveTheSameFingerprint() throws Exception {
		assertThat(fingerprint(List.of("-Xss512k"), training("greet", 20))).isEqualTo(
				fingerprint(List.of("-Xss512k"), training("greet", 20)));
	}

	@Test
	void aJarRepackagedWithOtherTimesAndEntryOrderCountsAsTheSame() throws Exception {
		TaskRootFingerprint before = fingerprint(List.of(), training("", 20));
		this.jar = new BootJar(jar("app-again.jar", 1_800_000_000_000L, "BOOT-INF/lib/spring-core.jar", "core",
				"BOOT-INF/classes/App.class", "class"), "com.example.App", false);
		assertThat(fingerprint(List.of(), training("", 20))).isEqualTo(before);
	}

	@Test
	void anEntrysContentsChangeIt() throws Exception {
		TaskRootFingerprint before = fingerprint(List.of(), training("", 20));
		this.jar = new BootJar(jar("app.jar", 1_700_000_000_000L, "BOOT-INF/classes/App.class", "class, edited",
				"BOOT-INF/lib/spring-core.jar", "core"), "com.example.App", false);
		assertThat(fingerprint(List.of(), training("", 20)).changedFrom(before)).containsExactly("jar");
	}

	@Test
	void eachParameterChangesIt() throws Exception {
		TaskRootFingerprint before = fingerprint(List.of("-Xss512k"), training("greet", 20));
		assertThat(fingerprint(List.of("-Xss1m"), training("greet", 20)).changedFrom(before))
			.containsExactly("jvmOptions");
		assertThat(fingerprint(List.of("-Xss512k"), training("uppercase", 20)).changedFrom(before))
			.containsExactly("function");
		assertThat(fingerprint(List.of("-Xss512k"), training("greet", 21)).changedFrom(before))
			.containsExactly("trainingInvocations");
		assertThat(TaskRootFingerprint.of(this.jdk, this.jar, List.of("jdk.crypto.cryptoki"), List.of("-Xss512k"),
				training("greet", 20))
			.changedFrom(before)).containsExactly("addModules");
		this.jar = new BootJar(this.jar.file(), this.jar.startClass(), true);
		assertThat(fingerprint(List.of("-Xss512k"), training("greet", 20)).changedFrom(before))
			.containsExactly("springAot");
	}

	@Test
	void aTrainingEventsContentsChangeIt() throws Exception {
		TaskRootFingerprint before = fingerprint(List.of(), training("greet", 20));
		Files.writeString(this.event, "{\"text\":\"one two\"}");
		assertThat(fingerprint(List.of(), training("greet", 20)).changedFrom(before))
			.containsExactly("trainingEvents");
	}

	@Test
	void withoutEventsTheInvocationsDoNotCount() throws Exception {
		AotCacheTrainer.Training started = new AotCacheTrainer.Training("greet", List.of(), 20);
		AotCacheTrainer.Training more = new AotCacheTrainer.Training("greet", List.of(), 40);
		assertThat(fingerprint(List.of(), more)).isEqualTo(fingerprint(List.of(), started));
	}

	@Test
	void anotherJdkChangesIt() throws Exception {
		TaskRootFingerprint before = fingerprint(List.of(), training("", 20));
		this.jdk = jdk("jdk-25-other", "JAVA_RUNTIME_VERSION=\"25.0.3+9-LTS\"\n");
		assertThat(fingerprint(List.of(), training("", 20)).changedFrom(before)).containsExactly("jdk");
		this.jdk = jdk("jdk-25", "JAVA_RUNTIME_VERSION=\"25.0.3+10-LTS\"\n");
		assertThat(fingerprint(List.of(), training("", 20)).changedFrom(before)).containsExactly("jdk.release");
	}

	@Test
	void readsBackWhatItWrote() throws Exception {
		TaskRootFingerprint fingerprint = fingerprint(List.of("-Dgreeting=a = b: c # d", "-Dname=Zoë\nline"),
				training("greet", 20))
			.with("plugin", "0.1.0-SNAPSHOT");
		Path file = this.directory.resolve("target/lambda/.function-inputs");
		fingerprint.writeTo(file);
		assertThat(TaskRootFingerprint.read(file)).contains(fingerprint);
		assertThat(fingerprint.list("jvmOptions")).containsExactly("-Dgreeting=a = b: c # d", "-Dname=Zoë\nline");
		assertThat(TaskRootFingerprint.read(this.directory.resolve("none"))).isEmpty();
	}

	private TaskRootFingerprint fingerprint(List<String> jvmOptions, AotCacheTrainer.Training training)
			throws Exception {
		return TaskRootFingerprint.of(this.jdk, this.jar, List.of(), jvmOptions, training);
	}

	private AotCacheTrainer.Training training(String function, int invocations) {
		return new AotCacheTrainer.Training(function, List.of(this.event), invocations);
	}

	private Jdk jdk(String name, String release) throws Exception {
		Path home = Files.createDirectories(this.directory.resolve(name));
		Files.writeString(home.resolve("release"), release);
		return new Jdk(home, "25.0.3", "Linux", "x86_64");
	}

	/** A jar of the given names and contents, in that order, every entry at the given time. */
	private Path jar(String name, long time, String... entries) throws Exception {
		Path file = this.directory.resolve(name);
		try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
			for (int i = 0; i < entries.length; i += 2) {
				ZipEntry entry = new ZipEntry(entries[i]);
				entry.setLastModifiedTime(FileTime.fromMillis(time));
				zip.putNextEntry(entry);
				zip.write(entries[i + 1].getBytes());
				zip.closeEntry();
			}
		}
		return file;
	}

}
