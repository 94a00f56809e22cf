package dev.lambdaruntime.maven;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.inject.Inject;

import org.apache.maven.artifact.Artifact;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;
import org.apache.maven.toolchain.Toolchain;
import org.apache.maven.toolchain.ToolchainManager;
import org.jspecify.annotations.Nullable;

/**
 * Runs the application on a local Lambda emulator until stopped, and prints how to invoke it: the emulator serves the
 * Invoke API on a port, the application's own runtime loop serves every invoke.
 */
@Mojo(name = "run", threadSafe = true, requiresDependencyResolution = ResolutionScope.RUNTIME)
@Execute(phase = LifecyclePhase.PROCESS_CLASSES)
public class RunMojo extends AbstractMojo {

	private final ToolchainManager toolchainManager;

	@Parameter(defaultValue = "${project}", readonly = true, required = true)
	private MavenProject project;

	@Parameter(defaultValue = "${session}", readonly = true, required = true)
	private MavenSession session;

	/** The emulator's port. */
	@Parameter(defaultValue = "9000", property = "lambda-runtime.port")
	private int port;

	/**
	 * The function definition; {@code SPRING_CLOUD_FUNCTION_DEFINITION} in the environment wins, as on Lambda; unset:
	 * the application's own.
	 */
	@Parameter(property = "lambda-runtime.function")
	private @Nullable String function;

	/**
	 * Sample events by function name, for the printed invoke line: JSON, or {@code @path} to a file (relative to the
	 * project). Without one the line sends {@code {}}.
	 */
	@Parameter
	private Map<String, String> events = new LinkedHashMap<>();

	/** The Spring Boot application class; by default the one class annotated {@code @SpringBootApplication}. */
	@Parameter(property = "lambda-runtime.mainClass")
	private @Nullable String mainClass;

	/** JVM options for the application's JVM. */
	@Parameter
	private List<String> jvmArguments = new ArrayList<>();

	@Inject
	public RunMojo(ToolchainManager toolchainManager) {
		this.toolchainManager = toolchainManager;
	}

	@Override
	public void execute() throws MojoExecutionException, MojoFailureException {
		try {
			Path classes = Path.of(this.project.getBuild().getOutputDirectory());
			String application = (this.mainClass != null) ? this.mainClass : MainClassFinder.find(classes);
			String definition = System.getenv("SPRING_CLOUD_FUNCTION_DEFINITION");
			if (definition == null || definition.isBlank()) {
				definition = (this.function != null) ? this.function : "";
			}
			List<String> command = new ArrayList<>(List.of(java()));
			command.addAll(this.jvmArguments);
			command.addAll(List.of("-cp", classPath(classes), "dev.lambdaruntime.maven.fork.LocalRun",
					String.valueOf(this.port), application, definition));
			command.addAll(new InvokeLines(this.port, this.project.getBasedir().toPath(),
					Path.of(this.session.getExecutionRootDirectory())).lines(definition, this.events));
			run(command);
		}
		catch (IllegalStateException ex) {
			throw new MojoFailureException(ex.getMessage(), ex);
		}
		catch (IOException ex) {
			throw new MojoExecutionException("Could not run the application: " + ex.getMessage(), ex);
		}
	}

	private void run(List<String> command) throws IOException, MojoFailureException {
		Process process = new ProcessBuilder(command).directory(this.project.getBasedir()).inheritIO().start();
		Thread stop = new Thread(process::destroy, "lambda-runtime-run-stop");
		Runtime.getRuntime().addShutdownHook(stop);
		try {
			int status = process.waitFor();
			Runtime.getRuntime().removeShutdownHook(stop);
			if (status != 0) {
				throw new MojoFailureException("The application exited with status " + status);
			}
		}
		catch (InterruptedException ex) {
			process.destroy();
			Thread.currentThread().interrupt();
		}
	}

	private String java() {
		Toolchain toolchain = this.toolchainManager.getToolchainFromBuildContext("jdk", this.session);
		String java = (toolchain != null) ? toolchain.findTool("java") : null;
		return (java != null) ? java : Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	private String classPath(Path classes) {
		List<String> entries = new ArrayList<>(ForkClassPath.entries());
		if (Files.isDirectory(classes)) {
			entries.add(classes.toString());
		}
		for (Artifact artifact : this.project.getArtifacts()) {
			if (artifact.getFile() != null && (Artifact.SCOPE_COMPILE.equals(artifact.getScope())
					|| Artifact.SCOPE_RUNTIME.equals(artifact.getScope()))) {
				entries.add(artifact.getFile().getPath());
			}
		}
		return String.join(File.pathSeparator, entries);
	}

}
