package dev.gauntlet.runner.judge.sql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gauntlet.probe.sql.SqlReport.Outcome;
import dev.gauntlet.runner.challenge.Manifest;
import dev.gauntlet.runner.judge.LatencyScore;
import dev.gauntlet.runner.judge.ReferenceFailure;
import dev.gauntlet.runner.verdict.PerformanceReport;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The timed runs of a query and of the reference's, one of each per round, scored by
 * {@link LatencyScore}. A run's figure is what the server reports for it: planning plus execution.
 * A timed run's rows are not read, so each must report as many as the query returned when its
 * result was checked: a query cannot be right when checked and cheap when timed.
 */
final class QueryRounds {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Manifest manifest;
  private final long expectedRows;
  /** The timed dataset is hidden: the server's words and the rows may quote its data, so they are not kept. */
  private final boolean hidden;
  private final List<Double> candidateMs = new ArrayList<>();
  private final List<Double> referenceMs = new ArrayList<>();
  private int runs;
  private int candidateFailed;
  private String firstFailure;
  private boolean serverRestarted;
  private String changed;

  /**
   * @param expectedRows how many rows the query returned on the timed dataset when its result was checked
   * @param hidden       whether the timed dataset is hidden
   */
  QueryRounds(Manifest manifest, long expectedRows, boolean hidden) {
    this.manifest = manifest;
    this.expectedRows = expectedRows;
    this.hidden = hidden;
  }

  /** The query as a timed run sends it: its result is read by the server and dropped, its time reported. */
  static String timed(String query) {
    return "EXPLAIN (ANALYZE, TIMING OFF, SUMMARY, FORMAT JSON) " + query;
  }

  /** The query as its plan is kept for the reviewer. */
  static String explained(String query) {
    return "EXPLAIN (ANALYZE, BUFFERS) " + query;
  }

  String planText(Outcome outcome) {
    if (outcome.failed()) {
      return "EXPLAIN failed: " + error(outcome);
    }
    var lines = new ArrayList<String>();
    outcome.rows().forEach(row -> lines.add(row.getFirst()));
    return String.join("\n", lines) + (outcome.truncated() ? "\n…" : "");
  }

  /**
   * Adds one round. A candidate's run that failed counts as the statement timeout. A reference's
   * run that failed fails the judging, unless one of the candidate's failed before it: a query
   * that brought the server down takes the reference's runs with it.
   */
  void add(Outcome candidate, Outcome reference) {
    runs++;
    Summary referenceRun = summary(reference);
    if (referenceRun == null) {
      if (candidateFailed > 0 || candidate.failed()) {
        firstFailure = firstFailure != null ? firstFailure : error(candidate);
        serverRestarted = true;
        return;
      }
      throw new ReferenceFailure("the reference's query failed in a timed run: "
          + (reference.failed() ? reference.error() : "its plan could not be read"));
    }
    Summary candidateRun = summary(candidate);
    if (candidateRun == null) {
      candidateFailed++;
      firstFailure = firstFailure != null ? firstFailure
          : candidate.failed() ? error(candidate) : "its plan is longer than " + (SqlSteps.PLAN_BYTES >> 10) + " KiB";
      candidateMs.add(manifest.limits().wallSeconds() * 1000);
    } else {
      if (candidateRun.rows() != expectedRows && changed == null) {
        changed = "a timed run returned " + candidateRun.rows() + " rows where its checked run returned " + expectedRows;
      }
      candidateMs.add(LatencyScore.rounded(candidateRun.ms()));
    }
    referenceMs.add(LatencyScore.rounded(referenceRun.ms()));
  }

  /**
   * The plain run between the timed ones. One that fails counts as a failed run, as a timed one
   * would; one whose rows differ from the checked ones means the result changed.
   *
   * @param difference how its rows differ from the checked ones, or null when they do not
   */
  void rechecked(Outcome recheck, String difference) {
    if (recheck.failed()) {
      runs++;
      candidateFailed++;
      firstFailure = firstFailure != null ? firstFailure : error(recheck);
    } else if ((recheck.truncated() || difference != null) && changed == null) {
      changed = "a run between the timed ones returned other rows"
          + (hidden ? " (on a hidden dataset)" : ": " + (recheck.truncated() ? "more than were checked" : difference));
    }
  }

  /** The server's message, or on a hidden dataset only its SQLSTATE: the message may quote the data. */
  private String error(Outcome failed) {
    return hidden ? "SQLSTATE " + failed.sqlState() : failed.error();
  }

  /** Why the query cannot be trusted to be timed as it was checked, or null. */
  String changed() {
    return changed;
  }

  PerformanceReport score(String candidatePlan, String referencePlan) {
    int maxPoints = manifest.scoring().performance();
    String note = serverRestarted ? "the server restarted after a timed run of the query failed: " + firstFailure
        : candidateFailed > 0 ? candidateFailed + " of " + runs + " runs failed: " + firstFailure
        : null;
    if (candidateMs.isEmpty()) {
      return new PerformanceReport(manifest.performance().metric(), List.of(), List.of(), 0, 0, 0, runs, candidateFailed,
          0, maxPoints, note, candidatePlan, referencePlan);
    }
    return LatencyScore.score(manifest.performance(), maxPoints, candidateMs, referenceMs, runs, candidateFailed, note)
        .withPlans(candidatePlan, referencePlan);
  }

  private record Summary(double ms, long rows) {
  }

  /**
   * Planning plus execution time and the rows returned, from {@code EXPLAIN (ANALYZE, SUMMARY,
   * FORMAT JSON)}: one row, one JSON value. Null when the run failed or its plan cannot be read.
   */
  private static Summary summary(Outcome run) {
    if (run.failed() || run.truncated() || run.rows().isEmpty()) {
      return null;
    }
    try {
      JsonNode summary = JSON.readTree(run.rows().getFirst().getFirst()).get(0);
      return new Summary(summary.get("Planning Time").asDouble() + summary.get("Execution Time").asDouble(),
          summary.get("Plan").get("Actual Rows").asLong());
    } catch (IOException | RuntimeException unreadable) {
      return null;
    }
  }
}
