package dev.lambdaruntime.maven;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import javax.inject.Inject;

import org.apache.maven.artifact.Artifact;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;
import org.apache.maven.toolchain.Toolchain;
import org.apache.maven.toolchain.ToolchainManager;
import org.jspecify.annotations.Nullable;

/**
 * Writes an application's Lambda deploy artifacts to {@code target/lambda/}: {@code function.zip} for the
 * {@code provided.al2023} custom runtime, {@code managed.zip} for the managed Java runtimes, {@code container/} (a
 * container image's build context) and {@code template.yaml} (an AWS SAM template). Runs after
 * {@code spring-boot-maven-plugin}'s {@code repackage}.
 */
@Mojo(name = "package", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true,
		requiresDependencyResolution = ResolutionScope.RUNTIME)
public class PackageMojo extends AbstractMojo {

	private final ToolchainManager toolchainManager;

	@Parameter(defaultValue = "${project}", readonly = true, required = true)
	private MavenProject project;

	@Parameter(defaultValue = "${session}", readonly = true, required = true)
	private MavenSession session;

	/** Where the deploy artifacts go. */
	@Parameter(defaultValue = "${project.build.directory}/lambda", property = "lambda-runtime.outputDirectory")
	private File outputDirectory;

	/** Where the task root, the build logs and the AOT cache check go. */
	@Parameter(defaultValue = "${project.build.directory}/lambda-build")
	private File workDirectory;

	/** Whether to skip the goal. */
	@Parameter(defaultValue = "false", property = "lambda-runtime.skip")
	private boolean skip;

	/** Whether to skip function.zip (the container context still builds the task root when it is not skipped). */
	@Parameter(defaultValue = "false", property = "lambda-runtime.skipFunctionZip")
	private boolean skipFunctionZip;

	/** Whether to skip managed.zip. */
	@Parameter(defaultValue = "false", property = "lambda-runtime.skipManagedZip")
	private boolean skipManagedZip;

	/** Whether to skip the container image's build context. */
	@Parameter(defaultValue = "false", property = "lambda-runtime.skipContainer")
	private boolean skipContainer;

	/** Whether to skip template.yaml. */
	@Parameter(defaultValue = "false", property = "lambda-runtime.skipTemplate")
	private boolean skipTemplate;

	/**
	 * The home of a JDK 25 or later for Linux x86_64, for jlink and the AOT cache; a {@code jdk} toolchain of version
	 * 25 or later wins over it. Unset: Maven's own JVM when it is one, else one installed where JDKs usually are.
	 */
	@Parameter(property = "lambda-runtime.jdk")
	private @Nullable File jdk;

	/** The function definition the training run, the template and {@code run} use; unset: the application's own. */
	@Parameter(property = "lambda-runtime.function")
	private @Nullable String function;

	/** Event files the AOT cache's training run invokes the function with, in turn; none: it only starts it. */
	@Parameter
	private List<File> trainingEvents = new ArrayList<>();

	/** How many invocations the training run makes, when there are training events. */
	@Parameter(defaultValue = "20", property = "lambda-runtime.trainingInvocations")
	private int trainingInvocations;

	/** JRE modules to link besides those jdeps finds, for what the application reaches only by reflection. */
	@Parameter(property = "lambda-runtime.addModules")
	private List<String> addModules = new ArrayList<>();

	/** Further JVM options for the bootstrap (and so for the training run). */
	@Parameter
	private List<String> jvmOptions = new ArrayList<>();

	/** The Spring Boot application class; by default the Boot jar's {@code Start-Class}. */
	@Parameter(property = "lambda-runtime.mainClass")
	private @Nullable String mainClass;

	/** Which deploy the template describes: {@code managed} (SnapStart), {@code zip} or {@code image}. */
	@Parameter(defaultValue = "managed", property = "lambda-runtime.deploy")
	private String deploy;

	/** The function's name in the template. */
	@Parameter(defaultValue = "${project.artifactId}", property = "lambda-runtime.functionName")
	private String functionName;

	/** Memory in MB, in the template. */
	@Parameter(defaultValue = "1024", property = "lambda-runtime.memorySize")
	private int memorySize;

	/** Timeout in seconds, in the template. */
	@Parameter(defaultValue = "30", property = "lambda-runtime.timeout")
	private int timeout;

	/** The managed runtime of the managed deploy: {@code java21} or {@code java25}. */
	@Parameter(defaultValue = "java21", property = "lambda-runtime.managedRuntime")
	private String managedRuntime;

	/** Whether the managed deploy turns SnapStart on for published versions. */
	@Parameter(defaultValue = "true", property = "lambda-runtime.snapStart")
	private boolean snapStart;

	/** A file holding the event SnapStart primes the function with ({@code LAMBDA_RUNTIME_PRIMING_EVENT}). */
	@Parameter(property = "lambda-runtime.primingEvent")
	private @Nullable File primingEvent;

	/** The Function URL's auth type, {@code AWS_IAM} or {@code NONE}; unset: no Function URL. */
	@Parameter(property = "lambda-runtime.functionUrl")
	private @Nullable String functionUrl;

	/** Whether responses are streamed; by default what the application's properties say. */
	@Parameter(property = "lambda-runtime.responseStreaming")
	private @Nullable Boolean responseStreaming;

	/**
	 * Event sources of the template: http-api, rest-api, sqs:ARN, sns:ARN, kinesis:ARN, dynamodb:ARN, schedule:EXPR.
	 */
	@Parameter
	private List<String> eventSources = new ArrayList<>();

	/** Whether to build function.zip and container/ even when nothing they are built from changed. */
	@Parameter(defaultValue = "false", property = "lambda-runtime.force")
	private boolean force;

	@Parameter(defaultValue = "${plugin.version}", readonly = true, required = true)
	private String pluginVersion;

	@Inject
	public PackageMojo(ToolchainManager toolchainManager) {
		this.toolchainManager = toolchainManager;
	}

	@Override
	public void execute() throws MojoExecutionException, MojoFailureException {
		if (this.skip) {
			getLog().info("Skipping lambda-runtime:package (lambda-runtime.skip)");
			return;
		}
		try {
			Path output = this.outputDirectory.toPath();
			Files.createDirectories(output);
			BootJar jar = BootJar.find(candidates());
			String application = (this.mainClass != null) ? this.mainClass : jar.startClass();
			if (!this.skipFunctionZip || !this.skipContainer) {
				taskRoot(output, jar);
			}
			if (!this.skipManagedZip) {
				Path zip = output.resolve(ManagedZip.FILE);
				ManagedZip.write(zip, Path.of(this.project.getBuild().getOutputDirectory()), libraries(), application);
				getLog().info("Wrote " + zip + " (" + Files.size(zip) / 1024 / 1024 + " MiB)");
			}
			if (!this.skipTemplate) {
				Path template = output.resolve(SamTemplate.FILE);
				Files.writeString(template, template(application).yaml(), StandardCharsets.UTF_8);
				getLog().info("Wrote " + template + " (deploy: " + this.deploy + ")");
			}
		}
		catch (IllegalStateException | IllegalArgumentException ex) {
			throw new MojoFailureException(ex.getMessage(), ex);
		}
		catch (IOException ex) {
			throw new MojoExecutionException("Could not write the Lambda artifacts: " + ex.getMessage(), ex);
		}
	}

	/** function.zip and container/, unless what they were last built from is what they would be built from now. */
	private void taskRoot(Path output, BootJar jar) throws IOException {
		Jdk jdk = jdk();
		AotCacheTrainer.Training training = training();
		Path zip = output.resolve(FunctionZip.FILE);
		Path context = output.resolve(ContainerContext.DIRECTORY);
		// image: the Dockerfile's labels (always in, so that skipping the container does not change the fingerprint).
		TaskRootFingerprint fingerprint = TaskRootFingerprint.of(jdk, jar, this.addModules, this.jvmOptions, training)
			.with("plugin", this.pluginVersion)
			.with("image", this.project.getArtifactId() + ":" + this.project.getVersion());
		List<Path> outputs = new ArrayList<>();
		if (!this.skipFunctionZip) {
			outputs.add(zip);
		}
		if (!this.skipContainer) {
			outputs.addAll(ContainerContext.files(context));
		}
		UpToDateCheck check = new UpToDateCheck(output.resolve(UpToDateCheck.RECORD), outputs);
		Optional<String> why = this.force ? Optional.of("forced (lambda-runtime.force)") : check.whyBuild(fingerprint);
		boolean both = !this.skipFunctionZip && !this.skipContainer;
		String names = both ? FunctionZip.FILE + " and container/"
				: (this.skipContainer ? FunctionZip.FILE : "container/");
		if (why.isEmpty()) {
			getLog().info(names + (both ? " are" : " is") + " up to date: nothing changed since the last build "
					+ "(-Dlambda-runtime.force rebuilds)");
			return;
		}
		getLog().info("Building " + names + ": " + why.get());
		check.forget();
		FunctionZip functionZip = new FunctionZip(getLog(), this.workDirectory.toPath());
		Path taskRoot = functionZip.buildTaskRoot(jdk, jar, this.addModules, this.jvmOptions, training);
		if (!this.skipFunctionZip) {
			functionZip.zip(taskRoot, zip);
		}
		if (!this.skipContainer) {
			ContainerContext.write(context, taskRoot, this.project.getArtifactId(), this.project.getVersion());
			getLog().info("Wrote " + context + " (Dockerfile and function/)");
		}
		check.record(fingerprint);
	}

	private List<Path> candidates() {
		List<Path> candidates = new ArrayList<>();
		if (this.project.getArtifact().getFile() != null) {
			candidates.add(this.project.getArtifact().getFile().toPath());
		}
		this.project.getAttachedArtifacts()
			.stream()
			.filter((artifact) -> artifact.getFile() != null && "jar".equals(artifact.getType()))
			.forEach((artifact) -> candidates.add(artifact.getFile().toPath()));
		return candidates;
	}

	private Jdk jdk() throws IOException {
		@Nullable Path toolchain = null;
		List<Toolchain> found = this.toolchainManager.getToolchains(this.session, "jdk",
				Map.of("version", "[" + JdkLocator.MINIMUM + ",)"));
		if (!found.isEmpty()) {
			String java = found.get(0).findTool("java");
			if (java != null) {
				toolchain = Path.of(java).getParent().getParent();
			}
		}
		Path maven = Path.of(System.getProperty("java.home"));
		Jdk jdk = JdkLocator.locate(toolchain, (this.jdk != null) ? this.jdk.toPath() : null, maven,
				InstalledJdks.candidates(System.getenv(), Path.of(System.getProperty("user.home"))));
		getLog().info("JDK for jlink and the AOT cache: " + jdk.version() + " at " + jdk.home()
				+ source(jdk, toolchain, maven));
		return jdk;
	}

	private String source(Jdk jdk, @Nullable Path toolchain, Path maven) {
		if (jdk.home().equals(toolchain)) {
			return " (toolchain)";
		}
		if (this.jdk != null || jdk.home().equals(maven)) {
			return "";
		}
		return " (found installed; a jdk toolchain or -Dlambda-runtime.jdk chooses another)";
	}

	private AotCacheTrainer.Training training() {
		List<Path> events = this.trainingEvents.stream().map(File::toPath).toList();
		for (Path event : events) {
			if (!Files.isRegularFile(event)) {
				throw new IllegalStateException("The training event " + event + " is not a file");
			}
		}
		return new AotCacheTrainer.Training((this.function != null) ? this.function : "", events,
				Math.max(this.trainingInvocations, events.size()));
	}

	private Map<String, Path> libraries() {
		Map<String, Path> libraries = new TreeMap<>();
		for (Artifact artifact : this.project.getArtifacts()) {
			if (artifact.getFile() != null && (Artifact.SCOPE_COMPILE.equals(artifact.getScope())
					|| Artifact.SCOPE_RUNTIME.equals(artifact.getScope()))) {
				String classifier = artifact.hasClassifier() ? "-" + artifact.getClassifier() : "";
				libraries.put(artifact.getArtifactId() + "-" + artifact.getVersion() + classifier + "."
						+ artifact.getArtifactHandler().getExtension(), artifact.getFile().toPath());
			}
		}
		return libraries;
	}

	private SamTemplate template(String application) throws IOException {
		List<EventSource> events = new ArrayList<>();
		for (int i = 0; i < this.eventSources.size(); i++) {
			events.add(EventSource.parse(this.eventSources.get(i), i));
		}
		boolean streaming = (this.responseStreaming != null) ? this.responseStreaming
				: ApplicationProperties.responseStreaming(Path.of(this.project.getBuild().getOutputDirectory()));
		String priming = (this.primingEvent != null)
				? Files.readString(this.primingEvent.toPath(), StandardCharsets.UTF_8).trim() : null;
		String url = (this.functionUrl != null && !this.functionUrl.isBlank()) ? urlAuth(this.functionUrl) : null;
		return new SamTemplate(Deploy.of(this.deploy), this.functionName, this.memorySize, this.timeout,
				this.managedRuntime, application, this.function, this.snapStart, priming, url, streaming, events);
	}

	private static String urlAuth(String auth) {
		String value = auth.trim();
		if (!value.equals("AWS_IAM") && !value.equals("NONE")) {
			throw new IllegalArgumentException(
					"functionUrl is the URL's auth type: AWS_IAM or NONE, not '" + auth + "'");
		}
		return value;
	}

}
