package dev.lambdaruntime.benchmarks.harness;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Runs every contender in turn, several times, and writes the Markdown report.
 */
public final class BenchmarkMain {

	private BenchmarkMain() {
	}

	public static void main(String[] args) throws Exception {
		if (List.of(args).contains("--help")) {
			System.out.print(Options.usage());
			return;
		}
		Options options = Options.parse(args);
		Path results = options.out.getParent();
		Path logs = results.resolve("logs");
		deleteRecursively(logs);
		Files.createDirectories(logs);
		List<Contender> contenders = contenders(options, results.resolve("work"));
		List<String> setting = setting(options, contenders);
		setting.forEach((line) -> System.out.println("# " + line));
		List<TrialResult> all = new ArrayList<>();
		for (int run = 1; run <= options.runs; run++) {
			for (int i = 0; i < contenders.size(); i++) {
				// Alternate, and rotate the order each run so no contender always goes first.
				Contender contender = contenders.get((i + run - 1) % contenders.size());
				TrialResult result = new TrialResult(contender.key(), run);
				measure(options, contender, result, logs);
				all.add(result);
				System.out.println(progress(options, result));
			}
		}
		setting.add("load average (1, 5, 15 min) at the end: " + Machine.loadAverage() + "; finished "
				+ ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
		String markdown = new Report(options, contenders, all, setting).markdown();
		Files.writeString(options.out, markdown, StandardCharsets.UTF_8);
		System.out.println();
		System.out.print(markdown);
		System.out.println("Report written to " + options.out);
	}

	private static void measure(Options options, Contender contender, TrialResult result, Path logs) {
		String prefix = "run" + result.run() + "-" + contender.key();
		try (Trial trial = Trial.start(options, contender, "greet", 0, logs.resolve(prefix + "-greet.log"))) {
			try {
				trial.measureGreet(result);
			}
			catch (Exception ex) {
				result.problem("greet: " + ex.getMessage());
			}
		}
		catch (IOException ex) {
			result.problem("greet: could not start: " + ex.getMessage());
		}
		if (options.concurrency <= 0) {
			return;
		}
		try (Trial trial = Trial.start(options, contender, "slow", options.concurrency,
				logs.resolve(prefix + "-slow.log"))) {
			try {
				trial.measureConcurrency(result);
			}
			catch (Exception ex) {
				result.problem("slow: " + ex.getMessage());
			}
		}
		catch (IOException ex) {
			result.problem("slow: could not start: " + ex.getMessage());
		}
	}

	private static String progress(Options options, TrialResult result) {
		StringBuilder line = new StringBuilder("run " + result.run() + "/" + options.runs + " " + result.contender());
		result.values().forEach((metric, value) -> line.append(", ").append(metric.title()).append(' ')
			.append(Metric.format(value)).append(' ').append(metric.unit()));
		result.problems().forEach((problem) -> line.append("\n  PROBLEM ").append(problem));
		return line.toString();
	}

	private static List<Contender> contenders(Options options, Path work) throws IOException {
		Path root = options.root;
		String java = options.java;
		List<Contender> contenders = new ArrayList<>();
		for (String key : List.of(Contender.OURS_JAR, Contender.OURS_ZIP, Contender.SCF, Contender.RIC,
				Contender.FLOOR, Contender.SPRING_FLOOR, Contender.OURS_MANAGED, Contender.OURS_NO_METRICS,
				Contender.OURS_EXTRACTED, Contender.WEB_STARTER, Contender.WEB_STARTER_SERVER)) {
			if (!options.contenders.contains(key)) {
				continue;
			}
			switch (key) {
				case Contender.OURS_JAR -> {
					Path jar = required(root.resolve("sample-app/target/sample-app.jar"));
					contenders.add(new Contender(key, 1, "ours, java -jar sample-app.jar", List.of(java, "-jar",
							jar.toString()), jar.getParent(), (function) -> Map.of("SPRING_CLOUD_FUNCTION_DEFINITION",
									function)));
				}
				case Contender.OURS_ZIP -> {
					if (options.zip == null) {
						System.out.println("# ours-zip skipped: no --zip given");
						continue;
					}
					Path task = unzip(required(options.zip), work.resolve("function"));
					contenders.add(new Contender(key, 2, "ours, function.zip", List.of(task.resolve("bootstrap")
						.toString()), task, (function) -> Map.of("SPRING_CLOUD_FUNCTION_DEFINITION", function)));
				}
				case Contender.SCF -> {
					Path jar = required(root.resolve("benchmarks/scf-custom-runtime/target/scf-custom-runtime.jar"));
					// The definition too, as SCF's docs advise: else its registry warns on every lookup.
					contenders.add(new Contender(key, 3, "Spring Cloud Function custom runtime", List.of(java, "-jar",
							jar.toString()), jar.getParent(), (function) -> Map.of("SPRING_CLOUD_FUNCTION_DEFINITION",
									function)));
				}
				case Contender.RIC -> {
					Path target = root.resolve("benchmarks/ric-function-invoker/target");
					Path jar = required(target.resolve("ric-function-invoker.jar"));
					required(target.resolve("lib"));
					String handler = "org.springframework.cloud.function.adapter.aws.FunctionInvoker::handleRequest";
					contenders.add(new Contender(key, 4, "AWS RIC + FunctionInvoker", List.of(java, "-cp",
							jar + ":" + target.resolve("lib") + "/*",
							"com.amazonaws.services.lambda.runtime.api.client.AWSLambda", handler), target,
							(function) -> Map.of("_HANDLER", handler, "MAIN_CLASS",
									"dev.lambdaruntime.benchmarks.ric.RicFunctionInvokerApplication",
									"SPRING_CLOUD_FUNCTION_DEFINITION", function)));
				}
				case Contender.FLOOR -> {
					Path jar = required(root.resolve("benchmarks/floor/target/benchmark-floor-0.1.0-SNAPSHOT.jar"));
					contenders.add(new Contender(key, 5, "floor, raw-socket loop", List.of(java, "-cp",
							jar.toString(), "dev.lambdaruntime.benchmarks.floor.RawLoop"), jar.getParent(),
							(function) -> Map.of()));
				}
				case Contender.SPRING_FLOOR -> {
					// Spring Boot and SCF's context with no runtime at all: what any runtime on them starts from.
					Path jar = required(root.resolve("benchmarks/spring-floor/target/spring-floor.jar"));
					contenders.add(new Contender(key, 6, "Spring floor: Boot + SCF context, raw-socket loop",
							List.of(java, "-jar", jar.toString()), jar.getParent(), (function) -> Map.of()));
				}
				case Contender.OURS_MANAGED -> {
					// The managed Java runtime's way: AWS's client on its own class path, our zip as the task root.
					Path task = unzip(required(root.resolve("sample-app/target/lambda/managed.zip")),
							work.resolve("managed"));
					Path lib = required(root.resolve("benchmarks/ric-function-invoker/target/lib"));
					String handler = "dev.lambdaruntime.handler.FunctionRequestHandler::handleRequest";
					contenders.add(new Contender(key, 7, "ours, FunctionRequestHandler on AWS RIC", List.of(java, "-cp",
							runtimeClassPath(lib), "com.amazonaws.services.lambda.runtime.api.client.AWSLambda", handler),
							task, (function) -> Map.of("_HANDLER", handler, "MAIN_CLASS",
									"dev.lambdaruntime.sample.SampleApplication", "SPRING_CLOUD_FUNCTION_DEFINITION",
									function)));
				}
				case Contender.OURS_NO_METRICS -> {
					// (1) with the EMF metrics turned off: what the metrics cost per invocation.
					Path jar = required(root.resolve("sample-app/target/sample-app.jar"));
					contenders.add(new Contender(key, 8, "ours, java -jar sample-app.jar, metrics off", List.of(java,
							"-jar", jar.toString()), jar.getParent(), (function) -> Map.of(
									"SPRING_CLOUD_FUNCTION_DEFINITION", function, "LAMBDA_RUNTIME_METRICS_ENABLED",
									"false")));
				}
				case Contender.OURS_EXTRACTED -> contenders.add(extracted(options, work, key, 9,
						"ours, sample-app.jar extracted", false, Map.of()));
				case Contender.WEB_STARTER -> contenders.add(extracted(options, work, key, 10,
						"ours, extracted, + spring-boot-starter-web: no server (the default)", true, Map.of()));
				case Contender.WEB_STARTER_SERVER -> contenders.add(extracted(options, work, key, 11,
						"ours, extracted, + spring-boot-starter-web: Tomcat kept", true,
						Map.of("SPRING_MAIN_WEBAPPLICATIONTYPE", "servlet")));
				default -> throw new IllegalStateException(key);
			}
		}
		return contenders;
	}

	/**
	 * The sample's jar extracted to a plain class path, as (9), or with spring-boot-starter-web's jars, as (10) and
	 * (11); every one on a free server port, as 8080 may be taken on a shared machine.
	 */
	private static Contender extracted(Options options, Path work, String key, int number, String title,
			boolean webStarter, Map<String, String> environment) throws IOException {
		Path task = unzip(required(options.root.resolve("sample-app/target/sample-app.jar")), work.resolve(key));
		Path webLib = webStarter ? required(options.root.resolve("benchmarks/web-starter/target/lib")) : null;
		List<String> command = List.of(options.java, "-cp", ExtractedSample.classPath(task, webLib),
				ExtractedSample.MAIN_CLASS);
		return new Contender(key, number, title, command, task, (function) -> {
			Map<String, String> all = new HashMap<>(environment);
			all.put("SPRING_CLOUD_FUNCTION_DEFINITION", function);
			all.put("SERVER_PORT", "0");
			return all;
		});
	}

	private static List<String> setting(Options options, List<Contender> contenders) {
		List<String> setting = new ArrayList<>();
		setting.add("date: " + ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
		setting.add("machine: " + Machine.processors() + " CPUs (" + Machine.cpu() + "), " + Machine.memory()
				+ " memory, " + Machine.os() + "; load average (1, 5, 15 min) at the start: "
				+ Machine.loadAverage());
		setting.add("JDK of the JVM contenders: " + Machine.javaVersion(options.java) + " (" + options.java + ")");
		if (contenders.stream().anyMatch((contender) -> contender.key().equals(Contender.OURS_ZIP))) {
			setting.add("function.zip: " + options.zip + " (runs its own bootstrap and JRE)");
		}
		setting.add("JVM options for every contender (JAVA_TOOL_OPTIONS): " + Trial.javaToolOptions(options)
				+ "; AWS_LAMBDA_FUNCTION_MEMORY_SIZE=" + ((options.memory > 0) ? options.memory : 1024));
		setting.add("per run and contender: " + options.warmup + " warm-up, " + options.invocations
				+ " timed one at a time, " + options.throughput + " for throughput"
				+ ((options.concurrency > 0) ? "; slow case with AWS_LAMBDA_MAX_CONCURRENCY=" + options.concurrency
						: "; slow case skipped")
				+ (options.quick ? " (quick mode: a smoke test, not a measurement)" : ""));
		if (options.note != null) {
			setting.add("note: " + options.note);
		}
		setting.add("runs: " + options.runs + ", contenders alternating, the order rotated each run");
		return setting;
	}

	private static Path required(Path path) {
		if (!Files.exists(path)) {
			throw new IllegalStateException(path + " is missing: build it first (benchmarks/run.sh does)");
		}
		return path;
	}

	/**
	 * What the managed Java runtime puts on its own class path: its client and the libraries the client needs.
	 */
	private static String runtimeClassPath(Path lib) throws IOException {
		List<String> prefixes = List.of("aws-lambda-java-runtime-interface-client-", "aws-lambda-java-core-",
				"aws-lambda-java-serialization-", "utils-lite-");
		try (Stream<Path> jars = Files.list(lib)) {
			List<String> found = jars.filter((jar) -> prefixes.stream()
				.anyMatch((prefix) -> jar.getFileName().toString().startsWith(prefix)))
				.map(Path::toString)
				.sorted()
				.toList();
			if (found.size() != prefixes.size()) {
				throw new IllegalStateException("Expected the runtime client's 4 jars in " + lib + ", found " + found);
			}
			return String.join(File.pathSeparator, found);
		}
	}

	private static Path unzip(Path zip, Path target) throws IOException {
		deleteRecursively(target);
		Files.createDirectories(target);
		try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				Path file = target.resolve(entry.getName()).normalize();
				if (!file.startsWith(target)) {
					throw new IOException("Zip entry outside the target: " + entry.getName());
				}
				if (entry.isDirectory()) {
					Files.createDirectories(file);
					continue;
				}
				Files.createDirectories(file.getParent());
				Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
				// As unzip does: the zip's JVM AOT cache refuses a jar whose modification time changed.
				if (entry.getLastModifiedTime() != null) {
					Files.setLastModifiedTime(file, entry.getLastModifiedTime());
				}
			}
		}
		// java.util.zip drops Unix modes: make the bootstrap and the JRE's launchers executable again.
		try (Stream<Path> files = Files.walk(target)) {
			files.filter(Files::isRegularFile)
				.filter((file) -> file.getFileName().toString().equals("bootstrap")
						|| file.getParent().getFileName().toString().equals("bin")
						|| file.getFileName().toString().equals("jspawnhelper"))
				.forEach((file) -> file.toFile().setExecutable(true));
		}
		return target;
	}

	private static void deleteRecursively(Path path) throws IOException {
		if (!Files.exists(path)) {
			return;
		}
		try (Stream<Path> files = Files.walk(path)) {
			for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(file);
			}
		}
	}

}
