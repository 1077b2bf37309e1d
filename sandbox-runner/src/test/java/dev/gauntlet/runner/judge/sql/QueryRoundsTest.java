package dev.gauntlet.runner.judge.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gauntlet.probe.sql.SqlReport.Column;
import dev.gauntlet.probe.sql.SqlReport.Outcome;
import dev.gauntlet.runner.challenge.Manifest;
import dev.gauntlet.runner.challenge.ManifestReader;
import dev.gauntlet.runner.challenge.SqlManifests;
import dev.gauntlet.runner.judge.ReferenceFailure;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Scoring the timed runs of a query")
class QueryRoundsTest {
  private static final Manifest MANIFEST = ManifestReader.read(SqlManifests.TIMED);
  private static final List<Column> PLAN = List.of(new Column("QUERY PLAN", "json"));

  /** A timed run as the server reports it: planning and execution time, and the rows the plan returned. */
  private static Outcome run(double planningMs, double executionMs, long rows) {
    String json = """
        [{"Plan": {"Node Type": "Seq Scan", "Actual Rows": %d, "Actual Loops": 1},
          "Planning Time": %s, "Execution Time": %s}]""".formatted(rows, planningMs, executionMs);
    return new Outcome(PLAN, List.of(List.of(json)), false, null, null, 0);
  }

  private static Outcome failed(String sqlState, String message) {
    return new Outcome(List.of(), List.of(), false, sqlState, message, 0);
  }

  @Test
  @DisplayName("each run counts planning plus execution; the medians' ratio gives the points")
  void scores() {
    var rounds = new QueryRounds(MANIFEST, 25, false);
    rounds.add(run(0.5, 9.5, 25), run(0.5, 0.5, 25));
    rounds.add(run(0.5, 3.5, 25), run(0.5, 1.5, 25));
    rounds.add(run(0.5, 5.5, 25), run(0.5, 1.5, 25));

    var report = rounds.score("candidate plan", "reference plan");

    assertThat(report.candidateMs()).containsExactly(10.0, 4.0, 6.0);
    assertThat(report.referenceMs()).containsExactly(1.0, 2.0, 2.0);
    assertThat(report.ratio()).isEqualTo(3.0);
    assertThat(report.points()).isEqualTo(25);
    assertThat(report.candidatePlan()).isEqualTo("candidate plan");
    assertThat(report.referencePlan()).isEqualTo("reference plan");
    assertThat(rounds.changed()).isNull();
  }

  @Test
  @DisplayName("a timed run that returns other rows than the checked run, or a recheck that differs, is a changed result")
  void changedResults() {
    var fewer = new QueryRounds(MANIFEST, 25, false);
    fewer.add(run(0.1, 0.1, 0), run(0.5, 0.5, 25));
    var rechecked = new QueryRounds(MANIFEST, 25, false);
    rechecked.add(run(0.5, 0.5, 25), run(0.5, 0.5, 25));
    rechecked.rechecked(run(0.5, 0.5, 0), "expected 25 rows but got 0");
    var hidden = new QueryRounds(MANIFEST, 25, true);
    hidden.rechecked(run(0.5, 0.5, 0), "expected a row (secret) where the result has (other)");

    assertThat(fewer.changed()).isEqualTo("a timed run returned 0 rows where its checked run returned 25");
    assertThat(rechecked.changed()).isEqualTo("a run between the timed ones returned other rows: expected 25 rows but got 0");
    assertThat(hidden.changed()).isEqualTo("a run between the timed ones returned other rows (on a hidden dataset)");
  }

  @Test
  @DisplayName("on a hidden dataset, a failed run is told by its SQLSTATE only, and a failed recheck counts as a failed run")
  void hiddenFailures() {
    var rounds = new QueryRounds(MANIFEST, 25, true);
    rounds.add(failed("22P02", "invalid input syntax for type integer: \"secret\""), run(0.5, 0.5, 25));
    rounds.rechecked(failed("22P02", "invalid input syntax for type integer: \"secret\""), null);

    var report = rounds.score(rounds.planText(failed("22P02", "secret")), null);

    assertThat(report.note()).isEqualTo("2 of 2 runs failed: SQLSTATE 22P02");
    assertThat(report.candidatePlan()).isEqualTo("EXPLAIN failed: SQLSTATE 22P02");
  }

  @Test
  @DisplayName("a failed run counts as the timeout and takes every point; an unreadable plan is a failed run")
  void failures() {
    var rounds = new QueryRounds(MANIFEST, 25, false);
    rounds.add(failed("57014", "canceling statement due to statement timeout"), run(0.5, 0.5, 25));
    rounds.add(new Outcome(PLAN, List.of(List.of("not json")), false, null, null, 0), run(0.5, 0.5, 25));
    rounds.add(run(0.5, 0.5, 25), run(0.5, 0.5, 25));

    var report = rounds.score(null, null);

    assertThat(report.candidateMs()).containsExactly(5000.0, 5000.0, 1.0);
    assertThat(report.points()).isZero();
    assertThat(report.note()).isEqualTo("2 of 3 runs failed: canceling statement due to statement timeout");
  }

  @Test
  @DisplayName("the reference failing is the package's fault, unless the candidate's run failed before it")
  void referenceFailures() {
    var alone = new QueryRounds(MANIFEST, 25, false);
    assertThatThrownBy(() -> alone.add(run(0.5, 0.5, 25), failed("42P01", "relation does not exist")))
        .isInstanceOf(ReferenceFailure.class).hasMessageContaining("relation does not exist");

    var afterCrash = new QueryRounds(MANIFEST, 25, false);
    afterCrash.add(failed("08006", "An I/O error occurred"), run(0.5, 0.5, 25));
    afterCrash.add(run(0.5, 0.5, 25), failed("57P03", "the database system is in recovery mode"));
    var report = afterCrash.score(null, null);

    assertThat(report.points()).isZero();
    assertThat(report.note()).startsWith("the server restarted after a timed run of the query failed: An I/O error");
  }
}
