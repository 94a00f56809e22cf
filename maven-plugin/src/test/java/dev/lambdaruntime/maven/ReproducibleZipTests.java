package dev.lambdaruntime.maven;

import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class ReproducibleZipTests {

	@TempDir
	Path directory;

	private Path root;

	@BeforeEach
	void taskRoot() throws Exception {
		this.root = Files.createDirectories(this.directory.resolve("root"));
		Files.writeString(this.root.resolve("bootstrap"), "#!/bin/sh\nexec ./jre/bin/java\n");
		Files.setPosixFilePermissions(this.root.resolve("bootstrap"), PosixFilePermissions.fromString("rwxr-xr-x"));
		Files.createDirectories(this.root.resolve("app/lib"));
		Files.write(this.root.resolve("app/app.jar"), "a jar, compressible a jar, compressible".repeat(100).getBytes());
		Files.write(this.root.resolve("app/lib/empty.jar"), new byte[0]);
		Files.setLastModifiedTime(this.root.resolve("app/app.jar"), FileTime.fromMillis(1_700_000_000_000L));
	}

	@Test
	void keepsContentsInPathOrderAtTheFixedTime() throws Exception {
		Path zip = write("function.zip");
		try (ZipFile file = new ZipFile(zip.toFile())) {
			assertThat(Collections.list(file.entries())).extracting(ZipEntry::getName)
				.containsExactly("app/", "app/app.jar", "app/lib/", "app/lib/empty.jar", "bootstrap");
			assertThat(file.getInputStream(file.getEntry("app/app.jar")).readAllBytes())
				.isEqualTo(Files.readAllBytes(this.root.resolve("app/app.jar")));
			assertThat(file.getEntry("app/app.jar").getCompressedSize()).isLessThan(200);
			// java.util.zip reads the extended timestamp: seconds since the epoch, no time zone involved.
			assertThat(Collections.list(file.entries())).allSatisfy((entry) -> assertThat(entry.getLastModifiedTime())
				.isEqualTo(FileTime.from(FileTimes.FIXED)));
		}
	}

	@Test
	void keepsUnixModes() throws Exception {
		Path zip = write("function.zip");
		try (FileSystem file = FileSystems.newFileSystem(URI.create("jar:" + zip.toUri()),
				Map.of("enablePosixFileAttributes", "true"))) {
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getPath("bootstrap"))))
				.isEqualTo("rwxr-xr-x");
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getPath("app/app.jar"))))
				.isEqualTo(PosixFilePermissions.toString(Files.getPosixFilePermissions(this.root.resolve("app/app.jar"))));
		}
	}

	@Test
	void writesTheSameBytesForTheSameInput() throws Exception {
		Path first = write("first.zip");
		Files.setLastModifiedTime(this.root.resolve("bootstrap"), FileTime.fromMillis(0));
		assertThat(Files.readAllBytes(write("second.zip"))).isEqualTo(Files.readAllBytes(first));
	}

	@Test
	void writesTheDosTimeInUtc() {
		// 2000-01-01 00:00:00: year 20 since 1980, month 1, day 1.
		assertThat(ReproducibleZip.dosTime()).isEqualTo((20L << 25) | (1L << 21) | (1L << 16));
	}

	@Test
	void refusesTwoEntriesOfOneName() throws Exception {
		try (ReproducibleZip zip = new ReproducibleZip(this.directory.resolve("twice.zip"))) {
			zip.addBytes("a.txt", new byte[] { 1 }, 0644);
			assertThatIllegalStateException().isThrownBy(() -> zip.addBytes("a.txt", new byte[] { 2 }, 0644))
				.withMessage("Two zip entries named a.txt");
		}
	}

	private Path write(String name) throws Exception {
		Path zip = this.directory.resolve(name);
		try (ReproducibleZip out = new ReproducibleZip(zip)) {
			out.addTree(this.root, "");
		}
		return zip;
	}

	static List<String> names(Path zip) throws Exception {
		try (ZipFile file = new ZipFile(zip.toFile())) {
			return Collections.list(file.entries()).stream().map(ZipEntry::getName).toList();
		}
	}

}
