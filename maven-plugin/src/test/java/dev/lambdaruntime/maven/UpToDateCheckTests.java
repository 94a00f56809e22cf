package dev.lambdaruntime.maven;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class UpToDateCheckTests {

	@TempDir
	Path directory;

	private Path zip;

	private Path dockerfile;

	private UpToDateCheck check;

	@BeforeEach
	void built() throws Exception {
		this.zip = Files.writeString(this.directory.resolve("function.zip"), "zip");
		this.dockerfile = Files.writeString(Files.createDirectories(this.directory.resolve("container"))
			.resolve("Dockerfile"), "FROM");
		this.check = new UpToDateCheck(this.directory.resolve(UpToDateCheck.RECORD), List.of(this.zip));
	}

	@Test
	void withoutARecordItBuilds() throws Exception {
		assertThat(this.check.whyBuild(fingerprint("-Xss512k"))).contains("no record of an earlier build");
	}

	@Test
	void theSameInputsAndEveryOutputThereAreUpToDate() throws Exception {
		this.check.record(fingerprint("-Xss512k"));
		assertThat(this.check.whyBuild(fingerprint("-Xss512k"))).isEmpty();
	}

	@Test
	void aChangedInputSaysWhich() throws Exception {
		this.check.record(fingerprint("-Xss512k"));
		assertThat(this.check.whyBuild(fingerprint("-Xss1m"))).contains("jvmOptions changed");
	}

	@Test
	void aDeletedOutputBuilds() throws Exception {
		this.check.record(fingerprint("-Xss512k"));
		Files.delete(this.zip);
		assertThat(this.check.whyBuild(fingerprint("-Xss512k"))).contains("function.zip is missing");
	}

	@Test
	void anOutputTheLastBuildSkippedBuildsThoughItIsThere() throws Exception {
		this.check.record(fingerprint("-Xss512k"));
		UpToDateCheck both = new UpToDateCheck(this.directory.resolve(UpToDateCheck.RECORD),
				List.of(this.zip, this.dockerfile));
		assertThat(both.whyBuild(fingerprint("-Xss512k"))).contains("the last build did not write container/Dockerfile");
		both.record(fingerprint("-Xss512k"));
		assertThat(this.check.whyBuild(fingerprint("-Xss512k"))).as("fewer outputs than the last build").isEmpty();
	}

	@Test
	void aBuildThatStartedForgetsTheLastOne() throws Exception {
		this.check.record(fingerprint("-Xss512k"));
		this.check.forget();
		assertThat(this.check.whyBuild(fingerprint("-Xss512k"))).contains("no record of an earlier build");
	}

	private static TaskRootFingerprint fingerprint(String jvmOption) {
		return new TaskRootFingerprint().with("jar", "0123abcd").with("jvmOptions", List.of(jvmOption));
	}

}
