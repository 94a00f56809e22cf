package dev.lambdaruntime.shutdown;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes over the JVM's SIGTERM. The default handler runs the shutdown hooks in no particular order with no time limit
 * and exits 143; Lambda gives a runtime 500 ms. {@code sun.misc.Signal} (module {@code jdk.unsupported}, in every JDK
 * and in our jlinked JRE) replaces it, reached by reflection so that a JRE without it falls back to a shutdown hook.
 */
final class SigtermTrap {

	private static final Logger logger = LoggerFactory.getLogger(SigtermTrap.class);

	private SigtermTrap() {
	}

	/**
	 * Runs {@code onSigterm} when the process gets SIGTERM, on the JVM's signal handler thread.
	 * @param onSigterm the shutdown; it ends the process itself
	 * @return {@code true} when SIGTERM was trapped; {@code false} when only a shutdown hook could be added, which
	 * runs while the JVM exits (so the shutdown must not call {@code System.exit} itself)
	 */
	static boolean install(Runnable onSigterm) {
		try {
			Class<?> signalType = Class.forName("sun.misc.Signal");
			Class<?> handlerType = Class.forName("sun.misc.SignalHandler");
			Object signal = signalType.getConstructor(String.class).newInstance("TERM");
			Object handler = Proxy.newProxyInstance(SigtermTrap.class.getClassLoader(), new Class<?>[] { handlerType },
					(proxy, method, args) -> switch (method.getName()) {
						case "handle" -> {
							onSigterm.run();
							yield null;
						}
						case "hashCode" -> System.identityHashCode(proxy);
						case "equals" -> proxy == args[0];
						default -> "SigtermTrap";
					});
			signalType.getMethod("handle", signalType, handlerType).invoke(null, signal, handler);
			return true;
		}
		catch (ReflectiveOperationException | LinkageError | IllegalArgumentException | SecurityException ex) {
			Throwable cause = (ex instanceof InvocationTargetException target) ? target.getCause() : ex;
			logger.warn("Could not take over SIGTERM (" + cause
					+ "); the shutdown runs as a shutdown hook, without the exit status 0");
			Runtime.getRuntime().addShutdownHook(new Thread(onSigterm, "lambda-runtime-shutdown"));
			return false;
		}
	}

}
