package dev.gauntlet.runner.challenge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gauntlet.runner.language.Language;
import dev.gauntlet.runner.verdict.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Loading a package folder")
class PackageLoaderTest {
  @TempDir
  Path catalog;
  Path pkg;

  private void write(String path, String content) throws IOException {
    Path file = pkg.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }

  @BeforeEach
  void minimalPackage() throws IOException {
    pkg = catalog.resolve("echo");
    write("challenge.yaml", """
        format: gauntlet/1
        id: echo
        title: Echo
        kind: stdio
        languages: [python]
        suggested_minutes: 5
        limits: { build_seconds: 30, wall_seconds: 1, memory_mb: 64, cpus: 1, pids: 16, output_kb: 16 }
        scoring: { correctness: 10, performance: 0 }
        """);
    write("statement.md", "# Echo\n");
    write("starter/python/main.py", "# read stdin\n");
    write("reference/python/main.py", "print(input())\n");
    write("tests/public/1.in", "a\n");
    write("tests/public/1.ans", "a\n");
    write("tests/hidden/2.in", "b\n");
    write("tests/hidden/2.ans", "b\n");
    write("submissions/wrong_answer/shout/main.py", "print(input().upper())\n");
  }

  @Test
  @DisplayName("reads manifest, statement, starters, tests in order, references and known submissions")
  void loads() {
    var loaded = PackageLoader.load(pkg);

    assertThat(loaded.id()).isEqualTo("echo");
    assertThat(loaded.tests()).extracting(TestCase::name).containsExactly("1", "2");
    assertThat(loaded.tests(Visibility.HIDDEN)).extracting(TestCase::name).containsExactly("2");
    assertThat(loaded.references().get(Language.PYTHON)).containsEntry("main.py", "print(input())\n");
    assertThat(loaded.submissions()).singleElement().satisfies(s -> {
      assertThat(s.expected()).isEqualTo(Verdict.WRONG_ANSWER);
      assertThat(s.language()).isEqualTo(Language.PYTHON);
    });
  }

  @Test
  @DisplayName("needs no tests/public folder, which git would not keep empty")
  void withoutPublicTests() throws IOException {
    Files.delete(pkg.resolve("tests/public/1.in"));
    Files.delete(pkg.resolve("tests/public/1.ans"));
    Files.delete(pkg.resolve("tests/public"));

    assertThat(PackageLoader.load(pkg).tests()).extracting(TestCase::name).containsExactly("2");
  }

  @Test
  @DisplayName("refuses a missing reference, naming the file")
  void missingReference() throws IOException {
    Files.delete(pkg.resolve("reference/python/main.py"));
    assertThatThrownBy(() -> PackageLoader.load(pkg)).hasMessage("reference/python/main.py: missing");
  }

  @Test
  @DisplayName("refuses an input without its answer or an answer without its input, and a package without hidden tests")
  void tests() throws IOException {
    Files.delete(pkg.resolve("tests/hidden/2.in"));
    assertThatThrownBy(() -> PackageLoader.load(pkg)).hasMessageContaining("tests/hidden/2.in: missing; every .ans");
    write("tests/hidden/2.in", "b\n");
    Files.delete(pkg.resolve("tests/hidden/2.ans"));
    assertThatThrownBy(() -> PackageLoader.load(pkg)).hasMessageContaining("tests/hidden/2.ans: missing");
    Files.delete(pkg.resolve("tests/hidden/2.in"));
    assertThatThrownBy(() -> PackageLoader.load(pkg)).hasMessageContaining("at least one hidden test");
  }

  @Test
  @DisplayName("refuses links instead of following them")
  void links() throws IOException {
    Path secret = catalog.resolve("secret.txt");
    Files.writeString(secret, "not for candidates");
    Files.createSymbolicLink(pkg.resolve("starter/python/notes.txt"), secret);
    assertThatThrownBy(() -> PackageLoader.load(pkg)).hasMessage("starter/python/notes.txt: links are not allowed in a package");
  }

  @Test
  @DisplayName("refuses an unknown expected verdict and an id that does not match the folder")
  void names() throws IOException {
    write("submissions/almost_right/x/main.py", "print(1)\n");
    assertThatThrownBy(() -> PackageLoader.load(pkg)).hasMessageContaining("submissions/almost_right: not a verdict");
    Files.move(pkg, catalog.resolve("other"));
    assertThatThrownBy(() -> PackageLoader.load(catalog.resolve("other")))
        .hasMessageContaining("id: 'echo' must match the folder name 'other'");
  }
}
