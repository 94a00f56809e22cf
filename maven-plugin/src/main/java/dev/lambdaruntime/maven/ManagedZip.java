package dev.lambdaruntime.maven;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.Manifest;

/**
 * The package Lambda's managed Java runtimes ({@code java21}, {@code java25}) load: the application's classes at the
 * root and every runtime dependency in {@code lib/}, where the runtime puts them on its class path. A manifest at the
 * root names the application as {@code Start-Class}, where {@code FunctionRequestHandler} looks when
 * {@code MAIN_CLASS} is not set.
 */
final class ManagedZip {

	static final String FILE = "managed.zip";

	static final String MANIFEST = "META-INF/MANIFEST.MF";

	private ManagedZip() {
	}

	/**
	 * Writes the zip.
	 * @param zip the file to write
	 * @param classes the application's classes and resources
	 * @param libraries the runtime dependencies, by file name in {@code lib/}, in a stable order
	 * @param startClass the Spring Boot application class
	 */
	static void write(Path zip, Path classes, Map<String, Path> libraries, String startClass) throws IOException {
		try (ReproducibleZip out = new ReproducibleZip(zip)) {
			if (Files.isDirectory(classes)) {
				out.addTree(classes, "");
			}
			if (!out.contains(MANIFEST)) {
				if (!out.contains("META-INF/")) {
					out.addDirectory("META-INF/");
				}
				out.addBytes(MANIFEST, manifest(startClass), 0644);
			}
			out.addDirectory("lib/");
			for (Map.Entry<String, Path> library : libraries.entrySet()) {
				if (!Files.isRegularFile(library.getValue())) {
					throw new IllegalStateException("The dependency " + library.getKey() + " is not a packaged jar ("
							+ library.getValue() + "): build it with package, not compile");
				}
				out.addFile("lib/" + library.getKey(), library.getValue(), 0644);
			}
		}
	}

	static byte[] manifest(String startClass) throws IOException {
		Manifest manifest = new Manifest();
		manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
		manifest.getMainAttributes().putValue("Start-Class", startClass);
		manifest.getMainAttributes().putValue("Created-By", "lambda-runtime-maven-plugin");
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		manifest.write(bytes);
		return bytes.toByteArray();
	}

}
