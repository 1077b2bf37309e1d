package dev.gauntlet.runner.judge.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gauntlet.runner.challenge.ChallengePackage;
import dev.gauntlet.runner.challenge.PackageLoader;
import dev.gauntlet.runner.docker.DockerFixture;
import dev.gauntlet.runner.docker.Sandbox;
import dev.gauntlet.runner.judge.Progress;
import dev.gauntlet.runner.judge.Submission;
import dev.gauntlet.runner.language.Language;
import dev.gauntlet.runner.verdict.JudgeResult;
import dev.gauntlet.runner.verdict.TestResult;
import dev.gauntlet.runner.verdict.Verdict;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sql judge against wrong, hostile and destructive submissions, with real PostgreSQL in real sandboxes. */
@DisplayName("Judging a query")
class SqlJudgeIT {
  private static final String MANIFEST = """
      format: gauntlet/1
      id: totals
      title: Totals per group
      kind: sql
      languages: [sql]
      suggested_minutes: 10
      limits: { build_seconds: 20, wall_seconds: 2, memory_mb: 512, cpus: 1.0, pids: 64, output_kb: 256 }
      scoring: { correctness: %d, performance: %d }
      performance: { metric: query_ms, full_marks_at: 2.0, zero_at: 20, rounds: 3 }
      query: { ordered: true, timed_on: large }
      """;
  /** Groups 0..9 of {@code :rows} rows, filled from a seed so that every dataset holds other numbers. */
  private static final String GENERATOR = """
      CREATE TABLE readings (id integer PRIMARY KEY, grp integer NOT NULL, value integer NOT NULL);
      SELECT setseed(:seed);
      INSERT INTO readings SELECT i, i % 10, (random() * 1000)::integer FROM generate_series(1, :rows) AS i;
      """;
  private static final String QUERY = "SELECT grp, sum(value) AS total FROM readings GROUP BY grp ORDER BY grp";

  @TempDir
  private static Path root;
  private static ChallengePackage pkg;
  private static ChallengePackage timedPkg;

  private final Sandbox sandbox = new Sandbox(DockerFixture.docker());
  private final SqlJudge judge = new SqlJudge(sandbox);

  @BeforeAll
  static void packages() throws IOException {
    pkg = write("totals", MANIFEST.formatted(100, 0).replace("performance: {", "# performance: {")
        .replace("timed_on: large", "timed_on: null"));
    timedPkg = write("timed", MANIFEST.formatted(70, 30).replace("id: totals", "id: timed"));
  }

  private static ChallengePackage write(String id, String manifest) throws IOException {
    Path dir = root.resolve(id);
    write(dir.resolve("challenge.yaml"), manifest);
    write(dir.resolve("statement.md"), "# Totals\n");
    write(dir.resolve("database/readings.sql"), GENERATOR);
    write(dir.resolve("tests/public/small.sql"), "\\set seed 0.1\n\\set rows 100\n\\ir ../../database/readings.sql\n");
    write(dir.resolve("tests/hidden/other.sql"), "\\set seed 0.7\n\\set rows 250\n\\ir ../../database/readings.sql\n");
    write(dir.resolve("tests/hidden/large.sql"), "\\set seed 0.3\n\\set rows 20000\n\\ir ../../database/readings.sql\n");
    write(dir.resolve("starter/sql/query.sql"), "SELECT 1\n");
    write(dir.resolve("reference/sql/query.sql"), QUERY + ";\n");
    return PackageLoader.load(dir);
  }

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  @AfterEach
  void noContainerLeft() {
    sandbox.close();
    assertThat(DockerFixture.sandboxContainers()).isZero();
  }

  @AfterAll
  static void closed() {
    assertThat(DockerFixture.sandboxContainers()).isZero();
  }

  private JudgeResult judge(ChallengePackage challenge, String query, String indexes) {
    var files = new HashMap<String, String>();
    files.put("query.sql", query);
    if (indexes != null) {
      files.put("indexes.sql", indexes);
    }
    return judge.judge(challenge, new Submission(Language.SQL, files), Progress.NONE);
  }

  private JudgeResult judge(String query) {
    return judge(pkg, query, null);
  }

  @Test
  @DisplayName("a right query is accepted on every dataset; the same rows in another order are a wrong answer")
  void rightAndWrongOrder() {
    var right = judge("-- totals\nselect grp, sum(value) as total\nfrom readings group by 1 order by 1;");
    var wrongOrder = judge("SELECT grp, sum(value) AS total FROM readings GROUP BY grp ORDER BY grp DESC");

    assertThat(right.verdict()).as(right.toString()).isEqualTo(Verdict.ACCEPTED);
    assertThat(right.score()).isEqualTo(100);
    assertThat(right.tests()).extracting(TestResult::name).containsExactly("small", "large", "other");
    assertThat(wrongOrder.verdict()).isEqualTo(Verdict.WRONG_ANSWER);
    assertThat(wrongOrder.tests().getFirst().detail()).startsWith("right rows, wrong order: row 1 is (9, ");
  }

  @Test
  @DisplayName("other values or another column type are wrong answers that say what differs, on every dataset")
  void wrongAnswers() {
    var values = judge("SELECT grp, sum(value) + (grp = 3)::integer AS total FROM readings GROUP BY grp ORDER BY grp");
    var types = judge("SELECT grp, sum(value)::numeric AS total FROM readings GROUP BY grp ORDER BY grp");

    assertThat(values.verdict()).isEqualTo(Verdict.WRONG_ANSWER);
    assertThat(values.score()).isZero();
    assertThat(values.tests()).hasSize(3).allSatisfy(t -> assertThat(t.detail()).startsWith("expected a row (3, "));
    assertThat(types.tests().getFirst().detail()).isEqualTo("column total: expected type int8 but got numeric");
  }

  @Test
  @DisplayName("statements that would change data are refused, saying where and what")
  void destructiveStatements() {
    var drop = judge("DROP TABLE readings");
    var second = judge("SELECT grp FROM readings; DROP TABLE readings");
    var copy = judge("COPY readings TO PROGRAM 'sh -c id'");
    var alter = judge(pkg, QUERY, "CREATE INDEX ON readings (grp);\nALTER TABLE readings DROP COLUMN value;");

    assertThat(drop.verdict()).isEqualTo(Verdict.BUILD_ERROR);
    assertThat(drop.message()).isEqualTo("query.sql:1: only a query (SELECT, WITH, VALUES or TABLE) is accepted, not DROP TABLE");
    assertThat(second.message()).isEqualTo("query.sql:1: a second statement (DROP TABLE); submit exactly one query");
    assertThat(copy.message()).endsWith("not COPY READINGS");
    assertThat(alter.verdict()).isEqualTo(Verdict.BUILD_ERROR);
    assertThat(alter.message()).isEqualTo("indexes.sql:2: only CREATE INDEX statements are accepted here, not ALTER TABLE");
  }

  @Test
  @DisplayName("a query that writes, reads secrets or files, or never ends gets a clear error, and the next one intact data")
  void hostileQueries() {
    var delete = judge("WITH gone AS (DELETE FROM readings RETURNING grp, value) SELECT grp, sum(value) AS total"
        + " FROM gone GROUP BY grp ORDER BY grp");
    var secrets = judge("SELECT rolname, rolpassword FROM pg_authid");
    var file = judge("SELECT pg_read_file('/etc/passwd')");
    // Sleeps on the large dataset only, so that the test waits for one timeout, not three.
    var forever = judge("SELECT grp, sum(value) AS total FROM readings,"
        + " pg_sleep(CASE WHEN (SELECT count(*) FROM readings) > 1000 THEN 60 ELSE 0 END) GROUP BY grp ORDER BY grp");
    var after = judge(QUERY);

    assertThat(delete.verdict()).isEqualTo(Verdict.RUNTIME_ERROR);
    assertThat(delete.tests().getFirst().detail()).contains("in a read-only transaction");
    assertThat(secrets.verdict()).isEqualTo(Verdict.RUNTIME_ERROR);
    assertThat(secrets.tests().getFirst().detail()).contains("permission denied for table pg_authid");
    assertThat(file.tests().getFirst().detail()).contains("permission denied for function pg_read_file");
    assertThat(forever.verdict()).isEqualTo(Verdict.TIME_LIMIT);
    assertThat(forever.tests().get(1).detail()).isEqualTo("the query ran past the statement timeout of 2.0 s");
    assertThat(after.verdict()).isEqualTo(Verdict.ACCEPTED);
  }

  @Test
  @DisplayName("a result too long to compare is an output limit")
  void outputLimit() {
    var result = judge("SELECT i AS grp, i::bigint AS total FROM generate_series(1, 200000) AS i");

    assertThat(result.verdict()).isEqualTo(Verdict.OUTPUT_LIMIT);
  }

  @Test
  @DisplayName("timed against the reference in alternating rounds, with both plans kept and the reference's hidden from candidates")
  void timed() {
    var result = judge(timedPkg, QUERY, "CREATE INDEX readings_grp ON readings (grp, value);");

    assertThat(result.verdict()).as(result.toString()).isIn(Verdict.ACCEPTED, Verdict.TOO_SLOW);
    var performance = result.performance();
    assertThat(performance.candidateMs()).hasSize(3).allSatisfy(ms -> assertThat(ms).isPositive());
    assertThat(performance.referenceMs()).hasSize(3).allSatisfy(ms -> assertThat(ms).isPositive());
    assertThat(performance.candidatePlan()).contains("Seq Scan on readings").contains("Buffers: shared hit=");
    assertThat(performance.referencePlan()).contains("Seq Scan on readings").contains("Execution Time:");
    assertThat(result.forCandidates().performance()).as("kept for reviewers").isEqualTo(performance);
    assertThat(performance.forCandidates().referencePlan()).isNull();
    assertThat(performance.forCandidates().candidatePlan()).isEqualTo(performance.candidatePlan());
  }

  @Test
  @DisplayName("an index statement that fails is a build error with the server's words on public data")
  void failingIndex() {
    var result = judge(pkg, QUERY, "CREATE UNIQUE INDEX ON readings (grp)");

    assertThat(result.verdict()).isEqualTo(Verdict.BUILD_ERROR);
    assertThat(result.message()).startsWith("indexes.sql fails: ERROR: could not create unique index");
  }

  @Test
  @DisplayName("the reference checks out on every dataset")
  void reference() {
    assertThat(judge.judgeReference(pkg, Language.SQL).verdict()).isEqualTo(Verdict.ACCEPTED);
  }
}
