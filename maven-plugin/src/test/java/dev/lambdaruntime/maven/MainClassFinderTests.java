package dev.lambdaruntime.maven;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class MainClassFinderTests {

	private static final String ANNOTATED = "\u0000Lorg/springframework/boot/autoconfigure/SpringBootApplication;\u0000";

	@TempDir
	Path classes;

	@Test
	void findsTheClassWhoseConstantPoolNamesTheAnnotation() throws Exception {
		write("com/example/Greeter.class", "\u0000Ljava/lang/Object;");
		write("com/example/GreeterApplication.class", ANNOTATED);
		write("com/example/GreeterApplication__ApplicationContextInitializer.class", ANNOTATED);
		assertThat(MainClassFinder.find(this.classes)).isEqualTo("com.example.GreeterApplication");
	}

	@Test
	void asksForMainClassWhenThereAreSeveral() throws Exception {
		write("a/One.class", ANNOTATED);
		write("b/Two.class", ANNOTATED);
		assertThatIllegalStateException().isThrownBy(() -> MainClassFinder.find(this.classes))
			.withMessage("Several @SpringBootApplication classes: [a.One, b.Two]; set mainClass "
					+ "(-Dlambda-runtime.mainClass)");
	}

	@Test
	void asksForMainClassWhenThereIsNone() {
		assertThatIllegalStateException().isThrownBy(() -> MainClassFinder.find(this.classes))
			.withMessageStartingWith("No @SpringBootApplication class in ");
	}

	private void write(String name, String content) throws Exception {
		Path file = this.classes.resolve(name);
		Files.createDirectories(file.getParent());
		Files.writeString(file, content);
	}

}
