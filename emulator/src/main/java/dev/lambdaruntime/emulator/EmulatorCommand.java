package dev.lambdaruntime.emulator;

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
	 * Runs the emulator until the JVM is stopped; bad arguments print the usage and exit with status 2.
	 * @param args the command line
	 */
	public static void main(String[] args) {
		int status = ProcessMode.start(args, System.out, System.err);
		if (status != 0) {
			System.exit(status);
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
