package dev.lambdaruntime.architecture;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's and docs/'s links to other files stay inside the repository and lead to files that exist.
 */
class DocumentationLinksTests {

	private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

	private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");

	@Test
	void everyRelativeLinkLeadsToAFileInTheRepository() throws IOException {
		List<String> broken = new ArrayList<>();
		for (Path page : pages()) {
			Matcher links = LINK.matcher(Files.readString(page));
			while (links.find()) {
				String target = links.group(1);
				if (target.startsWith("#") || target.matches("^[a-z]+:.*")) {
					continue;
				}
				String file = (target.indexOf('#') >= 0) ? target.substring(0, target.indexOf('#')) : target;
				Path resolved = page.getParent().resolve(file).normalize();
				if (!resolved.startsWith(ROOT) || !Files.exists(resolved)) {
					broken.add(ROOT.relativize(page) + " -> " + target);
				}
			}
		}
		assertThat(broken).isEmpty();
	}

	private static List<Path> pages() throws IOException {
		try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
			List<Path> pages = new ArrayList<>(docs.filter((path) -> path.toString().endsWith(".md")).toList());
			pages.add(ROOT.resolve("README.md"));
			assertThat(pages).hasSizeGreaterThan(5);
			return pages;
		}
	}

}
