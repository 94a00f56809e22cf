package dev.lambdaruntime.maven;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JreLinkerTests {

	@Test
	void linksWhatJdepsFoundPlusJdkUnsupportedAndTheAddedModules() {
		String jdeps = "Warning: split package: javax.annotation\njava.base,java.desktop,java.sql\n";
		assertThat(JreLinker.modules(jdeps, List.of("jdk.crypto.cryptoki,jdk.zipfs", " java.sql ")))
			.isEqualTo("java.base,java.desktop,java.sql,jdk.crypto.cryptoki,jdk.unsupported,jdk.zipfs");
	}

	@Test
	void linksJavaBaseAloneWhenJdepsFoundNothingElse() {
		assertThat(JreLinker.modules("java.base\n", List.of())).isEqualTo("java.base,jdk.unsupported");
	}

}
