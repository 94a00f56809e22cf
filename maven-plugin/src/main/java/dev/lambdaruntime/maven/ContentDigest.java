package dev.lambdaruntime.maven;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * SHA-256 digests of what files and jars hold, for {@link TaskRootFingerprint}.
 */
final class ContentDigest {

	private ContentDigest() {
	}

	/**
	 * A digest of what a jar (or a directory of classes) holds: each entry's name and contents, in name order, so
	 * that neither the entries' times nor their order count. Spring Boot's {@code repackage} writes a new jar, with
	 * new times, on every build unless {@code project.build.outputTimestamp} is set.
	 */
	static String entries(Path jarOrDirectory) throws IOException {
		// Each line "name digest-of-contents": no two different lists of entries give the same lines.
		StringBuilder lines = new StringBuilder();
		if (Files.isDirectory(jarOrDirectory)) {
			List<Path> files;
			try (Stream<Path> walk = Files.walk(jarOrDirectory)) {
				files = walk.filter(Files::isRegularFile).sorted(Comparator.comparing(Path::toString)).toList();
			}
			for (Path file : files) {
				try (InputStream in = Files.newInputStream(file)) {
					lines.append(jarOrDirectory.relativize(file)).append(' ').append(digest(in)).append('\n');
				}
			}
		}
		else {
			try (ZipFile zip = new ZipFile(jarOrDirectory.toFile())) {
				List<? extends ZipEntry> entries = zip.stream()
					.sorted(Comparator.comparing(ZipEntry::getName))
					.toList();
				for (ZipEntry entry : entries) {
					try (InputStream in = zip.getInputStream(entry)) {
						lines.append(entry.getName()).append(' ').append(digest(in)).append('\n');
					}
				}
			}
		}
		return digest(new ByteArrayInputStream(lines.toString().getBytes(StandardCharsets.UTF_8)));
	}

	static String file(Path file) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			return digest(in);
		}
	}

	private static String digest(InputStream in) throws IOException {
		MessageDigest digest = sha256();
		byte[] buffer = new byte[64 * 1024];
		for (int read = in.read(buffer); read != -1; read = in.read(buffer)) {
			digest.update(buffer, 0, read);
		}
		return HexFormat.of().formatHex(digest.digest());
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every JVM has SHA-256", ex);
		}
	}

}
