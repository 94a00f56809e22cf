package dev.lambdaruntime.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Whether outputs built from a task root are up to date: they all exist, the last build wrote them, and the
 * fingerprint it recorded equals the current one. The record is written only after a build that succeeded, and
 * forgotten before a build starts, so that a build that fails half-way is not taken for one that finished.
 */
final class UpToDateCheck {

	/** Beside the outputs: it describes those outputs, wherever they are written. */
	static final String RECORD = ".function-inputs";

	/** The record's list of the outputs the build wrote. */
	private static final String OUTPUTS = "outputs";

	private final Path record;

	private final List<Path> outputs;

	/**
	 * A check.
	 * @param record the file that records the fingerprint of the last build, in the outputs' directory
	 * @param outputs the files the build writes, in that directory
	 */
	UpToDateCheck(Path record, List<Path> outputs) {
		this.record = record;
		this.outputs = outputs;
	}

	/**
	 * Why the outputs must be built.
	 * @param current the fingerprint of this build's inputs
	 * @return why, or empty when they are up to date
	 */
	Optional<String> whyBuild(TaskRootFingerprint current) throws IOException {
		Optional<TaskRootFingerprint> last = TaskRootFingerprint.read(this.record);
		if (last.isEmpty()) {
			return Optional.of("no record of an earlier build");
		}
		List<String> built = last.get().list(OUTPUTS);
		for (Path output : this.outputs) {
			if (!Files.exists(output)) {
				return Optional.of(name(output) + " is missing");
			}
			if (!built.contains(name(output))) {
				// Left from a build before the last, which skipped it: its inputs are not on record.
				return Optional.of("the last build did not write " + name(output));
			}
		}
		Set<String> changed = current.changedFrom(last.get());
		changed.remove(OUTPUTS);
		return changed.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", changed) + " changed");
	}

	/**
	 * Forgets the last build, before this one changes its outputs.
	 */
	void forget() throws IOException {
		Files.deleteIfExists(this.record);
	}

	/**
	 * Records a build that succeeded, with the outputs it wrote.
	 * @param fingerprint what it was built from
	 */
	void record(TaskRootFingerprint fingerprint) throws IOException {
		fingerprint.with(OUTPUTS, this.outputs.stream().map(this::name).toList()).writeTo(this.record);
	}

	private String name(Path output) {
		return this.record.getParent().relativize(output).toString();
	}

}
