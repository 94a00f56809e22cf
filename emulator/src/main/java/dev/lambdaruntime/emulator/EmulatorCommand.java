package dev.lambdaruntime.emulator;

import java.util.OptionalInt;
import java.util.concurrent.CountDownLatch;

import dev.lambdaruntime.emulator.process.ProcessMode;

/**
 * The command line: {@code java -jar lambda-runtime-emulator.jar [options] -- ./bootstrap [args]} runs a local Lambda
 * around any bootstrap.
 */
public final class EmulatorCommand {

	private EmulatorCommand() {
	}

	/**
	 * Runs the emulator until the JVM is stopped; {@code --help} prints the usage and exits, bad arguments print it
	 * and exit with status 2.
	 * @param args the command line
	 */
	public static void main(String[] args) {
		OptionalInt done = ProcessMode.start(args, System.out, System.err);
		if (done.isPresent()) {
			System.exit(done.getAsInt());
		}
		CountDownLatch forever = new CountDownLatch(1);
		try {
			forever.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
