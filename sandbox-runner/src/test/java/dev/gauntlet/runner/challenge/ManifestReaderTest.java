package dev.gauntlet.runner.challenge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gauntlet.runner.language.Language;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Reading challenge.yaml")
class ManifestReaderTest {
  private static final String VALID = """
      format: gauntlet/1
      id: sum-of-numbers
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
    assertThat(m.kind()).isEqualTo(JudgeKind.STDIO);
    assertThat(m.languages()).containsExactly(Language.JAVA, Language.PYTHON);
    assertThat(m.limits()).isEqualTo(new Limits(60, 1.5, 256, 1.0, 64, 64));
    assertThat(m.scoring().total()).isEqualTo(100);
    assertThat(m.compare()).isEqualTo(Tolerance.EXACT);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      memory out of range  | 'memory_mb: 256'        | 'memory_mb: 4'       | challenge.yaml:8: limits: memory_mb must be between 16 and 8192, was 4
      unknown language     | '[java, python]'        | '[java, rust]'       | challenge.yaml:6: languages[1]: 'rust' is not one of [java, python, node, go, sql]
      unknown kind         | 'kind: stdio'           | 'kind: sql-magic'    | challenge.yaml:4: kind: 'sql-magic' is not one of [stdio, http-service, sql, concurrency]
      unknown field        | 'skills:'               | 'skils:'             | challenge.yaml:5: skils: unknown field (known: [
      wrong format         | 'format: gauntlet/1'    | 'format: kattis'     | challenge.yaml:1: format must be gauntlet/1, was kattis
      bad id               | 'id: sum-of-numbers'    | 'id: Sum Of Numbers' | id must be lower-case words joined by '-'
      missing title        | 'title: Sum of numbers' | 'titel: x'           | title is required
      not a number         | 'suggested_minutes: 10' | 'suggested_minutes: ten' | challenge.yaml:7: suggested_minutes:
      missing number       | 'suggested_minutes: 10' | 'skills: []'         | challenge.yaml: suggested_minutes is required
      misspelt required    | 'wall_seconds: 1.5'     | 'wall_second: 1.5'   | challenge.yaml:8: limits.wall_seconds is required; is 'wall_second' a misspelling of it?
      misspelt list        | 'languages:'            | 'langauges:'         | challenge.yaml:6: languages is required; is 'langauges' a misspelling of it?
      value as a key       | 'kind: stdio'           | 'kind: stdio: x'     | challenge.yaml:4: not valid YAML here (mapping values are not allowed here): check
      brace in a key       | 'title: Sum'            | '{ title: Sum'       | challenge.yaml:3: not valid YAML here
      a version number     | 'skills: [arithmetic]'  | 'version: 2'         | challenge.yaml:5: version: a package names no version
      unmeasured latency   | 'performance: 0'        | 'performance: 20'    | scoring.performance must be 0 for kind stdio
      """)
  @DisplayName("names the file, line and field of what is wrong")
  void explains(String name, String replace, String with, String message) {
    assertThatThrownBy(() -> ManifestReader.read(VALID.replace(replace, with)))
        .isInstanceOf(PackageException.class)
        .hasMessageContaining(message);
  }

  private static final String SERVICE = """
      format: gauntlet/1
      id: links
      title: Links
      kind: http-service
      languages: [go]
      suggested_minutes: 30
      limits: { build_seconds: 60, wall_seconds: 2, memory_mb: 256, cpus: 1.0, pids: 64, output_kb: 64 }
      scoring: { correctness: 70, performance: 30 }
      performance: { metric: p90_ms, full_marks_at: 1.5, zero_at: 5 }
      load:
        rate: 100
        seconds: 1
        warmup_seconds: 0.5
        timeout_ms: 500
        requests:
          - { weight: 1, request: { path: /v1/links } }
      """;

  @Test
  @DisplayName("reads an http-service manifest, with defaults for the service and the rounds")
  void readsHttpService() {
    Manifest m = ManifestReader.read(SERVICE);

    assertThat(m.kind()).isEqualTo(JudgeKind.HTTP_SERVICE);
    assertThat(m.service()).isEqualTo(new ServiceSpec(8080, "/health", 20));
    assertThat(m.performance()).isEqualTo(new Performance(LatencyMetric.P90_MS, 1.5, 5, 3));
    assertThat(m.load().total()).isEqualTo(150);
    assertThat(m.load().requests()).singleElement().satisfies(r -> assertThat(r.request().method()).isEqualTo("GET"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      zero before full marks   | 'zero_at: 5'             | 'zero_at: 1.2'          | zero_at must be greater than full_marks_at, was 1.2
      unknown metric           | 'metric: p90_ms'         | 'metric: p95_ms'        | 'p95_ms' is not one of [p50_ms, p90_ms, p99_ms, mean_ms, query_ms, stress_ms]
      relative path            | 'path: /v1/links'        | 'path: v1/links'        | path must start with '/' or a captured ${value}, was v1/links
      rate too high            | 'rate: 100'              | 'rate: 100000'          | load: rate must be between 1 and 5000
      restricted header        | '{ path: /v1/links }'    | '{ path: /x, headers: { Host: evil } }' | Host is set by the client itself
      """)
  @DisplayName("names what is wrong in the service blocks")
  void explainsHttpService(String name, String replace, String with, String message) {
    assertThatThrownBy(() -> ManifestReader.read(SERVICE.replace(replace, with)))
        .isInstanceOf(PackageException.class)
        .hasMessageContaining(message);
  }

  @Test
  @DisplayName("refuses a load whose rounds would record no request after the warm-up")
  void refusesALoadThatRecordsNothing() {
    // 1 request a second for 0.5 s after 0.5 s of warm-up: the one request sent is a warm-up one.
    assertThatThrownBy(() -> ManifestReader.read(SERVICE.replace("rate: 100", "rate: 1").replace("seconds: 1\n", "seconds: 0.5\n")))
        .isInstanceOf(PackageException.class)
        .hasMessageContaining("load: rate × seconds records no request after the warm-up");
  }

  @Test
  @DisplayName("refuses a load that would outlast the service it measures")
  void boundsTheLoad() {
    String tooLong = SERVICE.replace("zero_at: 5 }", "zero_at: 5, rounds: 40 }").replace("seconds: 1\n", "seconds: 10\n");

    assertThatThrownBy(() -> ManifestReader.read(tooLong))
        .isInstanceOf(PackageException.class)
        .hasMessageContaining("the load takes 880 s (2 × rounds × (warmup_seconds + seconds + timeout_ms)), more than 600 s");
  }

  @Test
  @DisplayName("refuses latency points nobody measures, and service blocks on a stdio package")
  void refusesMisplacedBlocks() {
    assertThatThrownBy(() -> ManifestReader.read(SERVICE.substring(0, SERVICE.indexOf("load:"))))
        .hasMessageContaining("performance and load are required when scoring.performance is not 0");
    assertThatThrownBy(() -> ManifestReader.read(VALID + "service: { port: 9000 }\n"))
        .hasMessageContaining("service and load belong to kind http-service only");
  }

  private static final String SQL = SqlManifests.TIMED;

  @Test
  @DisplayName("reads a sql manifest; without query:, rows are compared in any order")
  void readsSql() {
    Manifest m = ManifestReader.read(SQL);

    assertThat(m.kind()).isEqualTo(JudgeKind.SQL);
    assertThat(m.query()).isEqualTo(new QuerySpec(true, "large"));
    assertThat(ManifestReader.read(SQL.replace("performance: 30", "performance: 0")
        .replace("query: { ordered: true, timed_on: large }\n", "")).query()).isEqualTo(new QuerySpec(false, null));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      another language | 'languages: [sql]' | 'languages: [sql, java]' | languages must be [sql] for kind sql, and sql belongs to kind sql only
      sql elsewhere    | 'kind: sql'        | 'kind: stdio'            | languages must be [sql] for kind sql
      a load's metric  | 'metric: query_ms' | 'metric: p90_ms'         | performance.metric must be query_ms for kind sql
      nothing timed    | 'timed_on: large'  | 'timed_on: null'         | performance and query.timed_on are required when scoring.performance is not 0
      too little memory | 'memory_mb: 1024' | 'memory_mb: 256'         | limits.memory_mb must be at least 512 for kind sql, was 256
      """)
  @DisplayName("keeps sql to kind sql, and its latency to the query's time")
  void explainsSql(String name, String replace, String with, String message) {
    assertThatThrownBy(() -> ManifestReader.read(SQL.replace(replace, with)))
        .isInstanceOf(PackageException.class)
        .hasMessageContaining(message);
  }

  private static final String CONCURRENCY = ConcurrencyManifests.TIMED;

  @Test
  @DisplayName("reads a concurrency manifest; stress runs default to 4 threads of 100,000 calls; the class is the entry file")
  void readsConcurrency() {
    Manifest m = ManifestReader.read(CONCURRENCY);

    assertThat(m.kind()).isEqualTo(JudgeKind.CONCURRENCY);
    assertThat(m.concurrency()).isEqualTo(new ConcurrencySpec("bank.Bank", "ConcurrentBank", "bank.tests.BankWorkload", 4,
        100_000));
    assertThat(m.entryFile(Language.JAVA)).isEqualTo("ConcurrentBank.java");
    assertThat(m.concurrency().apiFiles(Map.of("bank/Bank.java", "i", "bank/Approvals.java", "a",
        "bank/deep/Other.java", "o", "ConcurrentBank.java", "c"))).containsOnlyKeys("bank/Bank.java", "bank/Approvals.java");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      another language  | 'languages: [java]'          | 'languages: [java, python]'  | languages must be [java] for kind concurrency
      one CPU           | 'cpus: 2.0'                  | 'cpus: 1.0'                  | limits.cpus must be at least 2 for kind concurrency, was 1.0
      a load's metric   | 'metric: stress_ms'          | 'metric: p99_ms'             | performance.metric must be stress_ms for kind concurrency
      api in no package | 'api: bank.Bank'             | 'api: Bank'                  | api must name an interface in a package
      class in a package | 'implementation: ConcurrentBank' | 'implementation: bank.ConcurrentBank' | implementation must name a class in no package
      one thread        | 'workload: bank.tests.BankWorkload' | 'workload: bank.tests.BankWorkload, threads: 1' | threads must be between 2 and 16
      an exported workload | 'workload: bank.tests.BankWorkload' | 'workload: bank.BankWorkload' | workload must be in another package than api
      """)
  @DisplayName("keeps concurrency to Java on two CPUs or more, timed by its stress runs")
  void explainsConcurrency(String name, String replace, String with, String message) {
    assertThatThrownBy(() -> ManifestReader.read(CONCURRENCY.replace(replace, with)))
        .isInstanceOf(PackageException.class)
        .hasMessageContaining(message);
  }

  @Test
  @DisplayName("refuses concurrency: outside kind concurrency, and kind concurrency without it")
  void concurrencyOutsideItsKind() {
    assertThatThrownBy(() -> ManifestReader.read(VALID + "concurrency: { api: a.B, implementation: C, workload: a.w.W }\n"))
        .hasMessageContaining("concurrency belongs to kind concurrency only");
    assertThatThrownBy(() -> ManifestReader.read(CONCURRENCY.replaceAll("concurrency: \\{.*\\}\n", "")))
        .hasMessageContaining("concurrency is required for kind concurrency");
  }

  @Test
  @DisplayName("refuses query: outside kind sql")
  void queryOutsideSql() {
    assertThatThrownBy(() -> ManifestReader.read(VALID + "query: { ordered: true }\n"))
        .hasMessageContaining("query belongs to kind sql only");
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
