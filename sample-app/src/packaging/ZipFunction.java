import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Zips a task root for Lambda, keeping what the JVM's AOT cache and Lambda depend on: Unix modes (the bootstrap and
 * the JRE's launchers stay executable) and modification times (the cache refuses a jar whose time has changed).
 *
 * <pre>
 * TZ=UTC java ZipFunction.java TASK_ROOT function.zip
 * </pre>
 *
 * Zip times are local times: run it with {@code TZ=UTC}, as Lambda unzips.
 */
public final class ZipFunction {

	public static void main(String[] args) throws Exception {
		Path root = Path.of(args[0]).toAbsolutePath();
		Path zipFile = Path.of(args[1]).toAbsolutePath();
		Files.deleteIfExists(zipFile);
		List<Path> files;
		try (Stream<Path> walk = Files.walk(root)) {
			files = walk.filter(Files::isRegularFile).sorted().toList();
		}
		Map<String, Object> env = Map.of("create", "true", "enablePosixFileAttributes", "true");
		try (FileSystem zip = FileSystems.newFileSystem(URI.create("jar:" + zipFile.toUri()), env)) {
			for (Path file : files) {
				Path entry = zip.getPath(root.relativize(file).toString());
				if (entry.getParent() != null) {
					Files.createDirectories(entry.getParent());
				}
				Files.copy(file, entry);
				Files.setPosixFilePermissions(entry, Files.getPosixFilePermissions(file));
				Files.setLastModifiedTime(entry, Files.getLastModifiedTime(file));
			}
		}
		System.out.println("# " + zipFile + ": " + files.size() + " files, " + Files.size(zipFile) / 1024 / 1024
				+ " MB");
	}

}
