package dev.gauntlet.runner.judge.sql;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gauntlet.probe.sql.SqlReport.Outcome;
import dev.gauntlet.runner.challenge.Manifest;
import dev.gauntlet.runner.judge.LatencyScore;
import dev.gauntlet.runner.judge.ReferenceFailure;
import dev.gauntlet.runner.verdict.PerformanceReport;
import java.util.ArrayList;
import java.util.List;

/**
 * The timed runs of a query and of the reference's, one of each per round, scored by
 * {@link LatencyScore}. A run's figure is what the server reports for it: planning plus execution.
 */
final class QueryRounds {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final int count;
  private final List<Double> candidateMs = new ArrayList<>();
  private final List<Double> referenceMs = new ArrayList<>();
  private int candidateFailed;

  QueryRounds(int count) {
    this.count = count;
  }

  int count() {
    return count;
  }

  /** The query as a timed run sends it: its result is read by the server and dropped, its time reported. */
  static String timed(String query) {
    return "EXPLAIN (ANALYZE, TIMING OFF, SUMMARY, FORMAT JSON) " + query;
  }

  /** The query as its plan is kept for the reviewer. */
  static String explained(String query) {
    return "EXPLAIN (ANALYZE, BUFFERS) " + query;
  }

  static String planText(Outcome outcome) {
    if (outcome.failed()) {
      return "EXPLAIN failed: " + outcome.error();
    }
    var lines = new ArrayList<String>();
    outcome.rows().forEach(row -> lines.add(row.getFirst()));
    return String.join("\n", lines);
  }

  /**
   * Adds one round. A candidate's run that failed (past the statement timeout, most likely) counts
   * as the timeout; a reference's that failed fails the judging.
   */
  void add(Outcome candidate, Outcome reference, double timeoutMs) {
    if (reference.failed()) {
      throw new ReferenceFailure("the reference's query failed in a timed run: " + reference.error());
    }
    referenceMs.add(LatencyScore.rounded(serverMs(reference)));
    if (candidate.failed()) {
      candidateFailed++;
      candidateMs.add(timeoutMs);
    } else {
      candidateMs.add(LatencyScore.rounded(serverMs(candidate)));
    }
  }

  PerformanceReport score(Manifest manifest, String candidatePlan, String referencePlan) {
    String note = candidateFailed == 0 ? null
        : candidateFailed + " of " + count + " timed runs did not finish within the statement timeout of "
            + manifest.limits().wallSeconds() + " s";
    return LatencyScore.score(manifest.performance(), manifest.scoring().performance(), candidateMs, referenceMs, count,
        candidateFailed, note).withPlans(candidatePlan, referencePlan);
  }

  /** Planning plus execution time from {@code EXPLAIN (ANALYZE, SUMMARY, FORMAT JSON)}: one row, one JSON value. */
  private static double serverMs(Outcome run) {
    try {
      JsonNode summary = JSON.readTree(run.rows().getFirst().getFirst()).get(0);
      return summary.get("Planning Time").asDouble() + summary.get("Execution Time").asDouble();
    } catch (JsonProcessingException | RuntimeException e) {
      throw new IllegalStateException("the server's EXPLAIN output could not be read: " + e.getMessage(), e);
    }
  }
}
