package dev.gauntlet.runner.challenge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gauntlet.runner.language.Language;
import dev.gauntlet.runner.verdict.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

  private void concurrencyPackage() throws IOException {
    pkg = catalog.resolve("bank");
    write("challenge.yaml", ConcurrencyManifests.TIMED);
    write("statement.md", "# Bank\n");
    write("starter/java/bank/Bank.java", "package bank;\npublic interface Bank {}\n");
    write("starter/java/ConcurrentBank.java", "public class ConcurrentBank implements bank.Bank {}\n");
    write("reference/java/ConcurrentBank.java", "public class ConcurrentBank implements bank.Bank {}\n");
    write("tests/java/bank/tests/BankWorkload.java", "package bank.tests;\npublic class BankWorkload {}\n");
    write("submissions/wrong_answer/empty/ConcurrentBank.java", "public class ConcurrentBank implements bank.Bank {}\n");
  }

  @Test
  @DisplayName("reads a concurrency package: the workload's sources, and known submissions by the class they must hold")
  void loadsConcurrency() throws IOException {
    concurrencyPackage();

    var loaded = PackageLoader.load(pkg);

    assertThat(loaded.workload()).containsOnlyKeys("bank/tests/BankWorkload.java");
    assertThat(loaded.submissions()).singleElement().extracting(KnownSubmission::language).isEqualTo(Language.JAVA);
  }

  @Test
  @DisplayName("a concurrency package's API lives in the starter alone, and its workload where the manifest says")
  void refusesMisplacedConcurrencySources() throws IOException {
    concurrencyPackage();
    write("tests/hidden/01.in", "1\n");
    assertThatThrownBy(() -> PackageLoader.load(pkg)).hasMessageStartingWith("tests/hidden: a concurrency package's"
        + " tests are its workload");
    Files.delete(pkg.resolve("tests/hidden/01.in"));
    Files.delete(pkg.resolve("tests/hidden"));
    write("tests/java/bank/Bank.java", "package bank;\npublic interface Bank {}\n");
    assertThatThrownBy(() -> PackageLoader.load(pkg))
        .hasMessage("tests/java/bank/Bank.java: the API's package is the starter's; put the workload's files in a package"
            + " of their own");
    Files.delete(pkg.resolve("tests/java/bank/Bank.java"));
    write("tests/java/module-info.java", "module x {}\n");
    assertThatThrownBy(() -> PackageLoader.load(pkg)).hasMessageContaining("the judge writes its module-info.java");
    Files.delete(pkg.resolve("tests/java/module-info.java"));
    Files.move(pkg.resolve("tests/java/bank/tests/BankWorkload.java"), pkg.resolve("tests/java/bank/tests/Other.java"));
    assertThatThrownBy(() -> PackageLoader.load(pkg))
        .hasMessage("tests/java/bank/tests/BankWorkload.java: missing; concurrency.workload names it");
    Files.move(pkg.resolve("tests/java/bank/tests/Other.java"), pkg.resolve("tests/java/bank/tests/BankWorkload.java"));
    Files.delete(pkg.resolve("submissions/wrong_answer/empty/ConcurrentBank.java"));
    write("submissions/wrong_answer/empty/Main.java", "class Main {}\n");
    assertThatThrownBy(() -> PackageLoader.load(pkg))
        .hasMessage("submissions/wrong_answer/empty/ConcurrentBank.java: missing");
    Files.move(pkg.resolve("submissions/wrong_answer/empty/Main.java"),
        pkg.resolve("submissions/wrong_answer/empty/ConcurrentBank.java"));
    Files.delete(pkg.resolve("starter/java/bank/Bank.java"));
    assertThatThrownBy(() -> PackageLoader.load(pkg))
        .hasMessage("starter/java/bank/Bank.java: missing; concurrency.api names it");
  }

  private void sqlPackage() throws IOException {
    pkg = catalog.resolve("report");
    write("challenge.yaml", SqlManifests.TIMED);
    write("statement.md", "# Report\n");
    write("database/seed.sql", "CREATE TABLE t (a int);\n");
    write("starter/sql/query.sql", "TABLE t\n");
    write("reference/sql/query.sql", "TABLE t\n");
    write("tests/public/sample.sql", "\\ir ../../database/seed.sql\n");
    write("tests/hidden/variant.sql", "\\ir ../../database/seed.sql\n");
    write("tests/hidden/large.sql", "\\ir ../../database/seed.sql\n");
    write("submissions/wrong_answer/nothing/query.sql", "SELECT 1 AS a\n");
  }

  @Test
  @DisplayName("reads a sql package: datasets public first, the shared database files, known queries")
  void loadsSql() throws IOException {
    sqlPackage();

    var loaded = PackageLoader.load(pkg);

    assertThat(loaded.database().datasets()).extracting(Dataset::name).containsExactly("sample", "large", "variant");
    assertThat(loaded.database().shared()).containsOnlyKeys("seed.sql");
    assertThat(loaded.submissions()).singleElement().satisfies(s -> assertThat(s.language()).isEqualTo(Language.SQL));
  }

  @Test
  @DisplayName("a sql package's timed dataset must exist, and datasets are .sql files with plain names")
  void refusesBadDatasets() throws IOException {
    sqlPackage();
    Files.move(pkg.resolve("tests/hidden/large.sql"), pkg.resolve("tests/hidden/huge.sql"));
    assertThatThrownBy(() -> PackageLoader.load(pkg)).hasMessage("challenge.yaml: query.timed_on: 'large' is not a"
        + " dataset; the datasets are [sample, huge, variant]");

    write("tests/hidden/large.sql", "");
    for (String bad : List.of("Big-One", "large__reference", "_x", "x_")) {
      write("tests/hidden/" + bad + ".sql", "");
      assertThatThrownBy(() -> PackageLoader.load(pkg)).hasMessage("tests/hidden/" + bad + ".sql: a dataset's name"
          + " is at most 30 of a-z, 0-9 and single '_' between them, starting with a letter");
      Files.delete(pkg.resolve("tests/hidden/" + bad + ".sql"));
    }

    write("tests/hidden/sample.sql", "");
    assertThatThrownBy(() -> PackageLoader.load(pkg))
        .hasMessage("tests/hidden/sample.sql: a public dataset has this name too");
  }

  @Test
  @DisplayName("both queries' results on every dataset must fit in one probe report")
  void capsResults() throws IOException {
    sqlPackage();
    write("challenge.yaml", Files.readString(pkg.resolve("challenge.yaml")).replace("output_kb: 256", "output_kb: 4096"));

    assertThatThrownBy(() -> PackageLoader.load(pkg)).hasMessage("challenge.yaml: limits.output_kb: two results of"
        + " up to 4096 KiB on each of 3 datasets must fit in 16384 KiB; lower output_kb");
  }
}
