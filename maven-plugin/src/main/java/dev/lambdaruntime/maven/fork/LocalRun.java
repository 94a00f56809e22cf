package dev.lambdaruntime.maven.fork;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.lambdaruntime.emulator.LambdaEmulator;

/**
 * Runs an application on an embedded Lambda emulator: the emulator serves the Invoke API on a port, the application
 * starts with {@code lambda.runtime.api} pointing at it, so its runtime loop serves every invoke. Run in a forked JVM,
 * on the application's class path, by the plugin's {@code run} goal:
 *
 * <pre>
 * java -cp plugin.jar:emulator.jar:APP_CLASS_PATH dev.lambdaruntime.maven.fork.LocalRun PORT MAIN_CLASS FUNCTION [LINE...]
 * </pre>
 *
 * FUNCTION may be empty (the application's own definition applies); the LINEs are printed once it started.
 */
public final class LocalRun {

	private LocalRun() {
	}

	public static void main(String[] args) throws Exception {
		int port = Integer.parseInt(args[0]);
		String mainClass = args[1];
		String function = args[2];
		List<String> lines = Arrays.asList(args).subList(3, args.length);
		LambdaEmulator emulator = LambdaEmulator.builder().port(port).recordRuntimeRequests(false).build().start();
		Runtime.getRuntime().addShutdownHook(new Thread(emulator::close, "lambda-emulator-close"));
		List<String> arguments = new ArrayList<>(List.of("--lambda.runtime.api=" + emulator.runtimeApi()));
		if (!function.isBlank()) {
			arguments.add("--spring.cloud.function.definition=" + function);
		}
		start(Class.forName(mainClass, false, LocalRun.class.getClassLoader()), arguments.toArray(String[]::new));
		System.out.println();
		lines.forEach(System.out::println);
		System.out.println();
	}

	/** Its own main method, which a Spring Boot application returns from once started; else SpringApplication. */
	private static void start(Class<?> application, String[] arguments) throws Exception {
		Method main;
		try {
			main = application.getMethod("main", String[].class);
		}
		catch (NoSuchMethodException ex) {
			main = null;
		}
		if (main != null && Modifier.isStatic(main.getModifiers())) {
			main.invoke(null, (Object) arguments);
			return;
		}
		Class<?> springApplication = Class.forName("org.springframework.boot.SpringApplication");
		springApplication.getMethod("run", Class.class, String[].class).invoke(null, application, arguments);
	}

}
