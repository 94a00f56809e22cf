package dev.lambdaruntime.benchmarks.harness;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What to run and how much: parsed from the command line.
 */
final class Options {

	Path root = Path.of("").toAbsolutePath();

	Path out;

	Path zip;

	String note;

	String java = ProcessHandle.current().info().command().orElse("java");

	List<String> contenders = new ArrayList<>(List.of(Contender.OURS_JAR, Contender.OURS_ZIP, Contender.SCF,
			Contender.RIC, Contender.FLOOR, Contender.SPRING_FLOOR, Contender.OURS_MANAGED, Contender.OURS_NO_METRICS));

	List<String> jvmArgs = new ArrayList<>();

	boolean quick;

	int runs = 5;

	int warmup = 1000;

	int invocations = 3000;

	int throughput = 3000;

	int concurrency = 16;

	int slowMillis = 100;

	int slowSingle = 10;

	int slowRounds = 4;

	int memory = 1024;

	long startTimeoutSeconds = 120;

	static Options parse(String[] args) {
		Options options = new Options();
		for (String arg : args) {
			if (arg.equals("--quick")) {
				options.quick();
			}
		}
		for (int i = 0; i < args.length; i++) {
			String arg = args[i];
			switch (arg) {
				case "--quick" -> {
				}
				case "--root" -> options.root = Path.of(args[++i]).toAbsolutePath();
				case "--out" -> options.out = Path.of(args[++i]).toAbsolutePath();
				case "--zip" -> options.zip = Path.of(args[++i]).toAbsolutePath();
				case "--note" -> options.note = args[++i];
				case "--java" -> options.java = args[++i];
				case "--contenders" -> options.contenders = List.of(args[++i].split(","));
				case "--jvm-arg" -> options.jvmArgs.add(args[++i]);
				case "--runs" -> options.runs = Integer.parseInt(args[++i]);
				case "--warmup" -> options.warmup = Integer.parseInt(args[++i]);
				case "--invocations" -> options.invocations = Integer.parseInt(args[++i]);
				case "--throughput" -> options.throughput = Integer.parseInt(args[++i]);
				case "--concurrency" -> options.concurrency = Integer.parseInt(args[++i]);
				case "--slow-ms" -> options.slowMillis = Integer.parseInt(args[++i]);
				case "--slow-single" -> options.slowSingle = Integer.parseInt(args[++i]);
				case "--slow-rounds" -> options.slowRounds = Integer.parseInt(args[++i]);
				case "--memory" -> options.memory = Integer.parseInt(args[++i]);
				case "--start-timeout" -> options.startTimeoutSeconds = Long.parseLong(args[++i]);
				default -> throw new IllegalArgumentException("Unknown option " + arg + "\n" + usage());
			}
		}
		if (options.out == null) {
			options.out = options.root.resolve("benchmarks/results/latest.md");
		}
		return options;
	}

	private void quick() {
		this.quick = true;
		this.runs = 1;
		this.warmup = 100;
		this.invocations = 200;
		this.throughput = 200;
		this.slowSingle = 3;
		this.slowRounds = 2;
	}

	static String usage() {
		return """
				Options:
				  --quick               smoke test: 1 run, 100 warm-up, 200 invocations, a few slow ones
				  --runs N              runs, each alternating all contenders (default 5)
				  --warmup N            warm-up invocations before the latency sample (default 1000)
				  --invocations N       invocations in the warm latency sample (default 3000)
				  --throughput N        invocations in the single-worker throughput batch (default 3000)
				  --concurrency N       AWS_LAMBDA_MAX_CONCURRENCY for the slow case, 0 to skip it (default 16)
				  --slow-ms N           how long slow sleeps (default 100)
				  --slow-single N       slow invocations one at a time: the single-worker figure (default 10)
				  --slow-rounds N       slow invocations N x concurrency, that many out at once (default 4)
				  --contenders a,b      among ours-jar, ours-zip, scf, ric, floor, spring-floor, ours-managed,
				                        ours-no-metrics (default: these), and on request ours-extracted,
				                        web-starter, web-starter-server (the sample extracted, alone and with
				                        spring-boot-starter-web, without and with its Tomcat)
				  --zip PATH            our function.zip (run.sh gives sample-app/target/lambda/function.zip); ours-zip is skipped without it
				  --java PATH           the java every JVM contender runs on (default: the harness's own)
				  --memory MB           AWS_LAMBDA_FUNCTION_MEMORY_SIZE, also -XX:MaxRAM as Lambda's limit (and Serial GC below 1792 MB, as the JVM picks in such a container); 0: none
				  --jvm-arg ARG         extra JVM option for every contender (JAVA_TOOL_OPTIONS), repeatable
				  --note TEXT           a line for the report, e.g. what else the machine was doing
				  --out PATH            report file (default benchmarks/results/latest.md)
				  --root PATH           repository root (default: the working directory)
				""";
	}

}
