package dev.gauntlet.runner.challenge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gauntlet.runner.language.Language;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Reading challenge.yaml")
class ManifestReaderTest {
  private static final String VALID = """
      format: gauntlet/1
      id: sum-of-numbers
      version: 2
      title: Sum of numbers
      kind: stdio
      skills: [arithmetic]
      languages: [java, python]
      suggested_minutes: 10
      limits: { build_seconds: 60, wall_seconds: 1.5, memory_mb: 256, cpus: 1.0, pids: 64, output_kb: 64 }
      scoring: { correctness: 100, performance: 0 }
      """;

  @Test
  @DisplayName("reads every field into records, exact comparison by default")
  void reads() {
    Manifest m = ManifestReader.read(VALID);

    assertThat(m.id()).isEqualTo("sum-of-numbers");
    assertThat(m.version()).isEqualTo(2);
    assertThat(m.kind()).isEqualTo(JudgeKind.STDIO);
    assertThat(m.languages()).containsExactly(Language.JAVA, Language.PYTHON);
    assertThat(m.limits()).isEqualTo(new Limits(60, 1.5, 256, 1.0, 64, 64));
    assertThat(m.scoring().total()).isEqualTo(100);
    assertThat(m.compare()).isEqualTo(Tolerance.EXACT);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      memory out of range  | 'memory_mb: 256'        | 'memory_mb: 4'       | challenge.yaml:9: limits: memory_mb must be between 16 and 8192, was 4
      unknown language     | '[java, python]'        | '[java, rust]'       | challenge.yaml:7: languages[1]: 'rust' is not one of [java, python]
      unknown kind         | 'kind: stdio'           | 'kind: sql-magic'    | challenge.yaml:5: kind: 'sql-magic' is not one of [stdio]
      unknown field        | 'skills:'               | 'skils:'             | challenge.yaml:6: skils: unknown field (known: [
      wrong format         | 'format: gauntlet/1'    | 'format: kattis'     | challenge.yaml:1: format must be gauntlet/1, was kattis
      bad id               | 'id: sum-of-numbers'    | 'id: Sum Of Numbers' | id must be lower-case words joined by '-'
      missing title        | 'title: Sum of numbers' | 'titel: x'           | title is required
      not a number         | 'version: 2'            | 'version: two'       | challenge.yaml:3: version:
      unmeasured latency   | 'performance: 0'        | 'performance: 20'    | scoring.performance must be 0 for kind stdio
      """)
  @DisplayName("names the file, line and field of what is wrong")
  void explains(String name, String replace, String with, String message) {
    assertThatThrownBy(() -> ManifestReader.read(VALID.replace(replace, with)))
        .isInstanceOf(PackageException.class)
        .hasMessageContaining(message);
  }

  @Test
  @DisplayName("says which required field is missing")
  void missing() {
    assertThatThrownBy(() -> ManifestReader.read(VALID.replace("title: Sum of numbers\n", "")))
        .hasMessageContaining("title is required");
    assertThatThrownBy(() -> ManifestReader.read(""))
        .hasMessageContaining("challenge.yaml: is empty");
  }
}
