package dev.gauntlet.runner.verdict;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.gauntlet.runner.challenge.LatencyMetric;
import java.util.List;

/**
 * How the performance points of a submission came about: the raw figure of every load round of the
 * candidate's service and of the reference, measured alternately in the same job, and what the
 * score made of them. A reviewer can redo the sum from this alone.
 *
 * @param metric          what each round was summed up by
 * @param candidateMs     the candidate's figure in each round, in milliseconds
 * @param referenceMs     the reference's figure in each round, in milliseconds
 * @param ratio           median of the candidate's rounds over median of the reference's
 * @param ratioLow        the lowest ratio of one candidate round to the reference round beside it
 * @param ratioHigh       the highest such ratio: with {@code ratioLow}, how far the rounds spread
 * @param requests        requests the candidate's service was sent while latencies were recorded
 * @param failed          of those, answered with an unexpected status, refused or timed out
 * @param points          performance points earned
 * @param maxPoints       performance points available
 * @param note            why no points were given when the ratio alone does not say, else null
 * @param candidatePlan   sql: the server's {@code EXPLAIN (ANALYZE, BUFFERS)} of the submission's query
 * @param referencePlan   sql: the same of the reference's query, for reviewers only
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PerformanceReport(LatencyMetric metric, List<Double> candidateMs, List<Double> referenceMs, double ratio,
                                double ratioLow, double ratioHigh, long requests, long failed, int points,
                                int maxPoints, String note, String candidatePlan, String referencePlan) {
  public PerformanceReport {
    candidateMs = List.copyOf(candidateMs);
    referenceMs = List.copyOf(referenceMs);
  }

  /** A report without query plans. */
  public PerformanceReport(LatencyMetric metric, List<Double> candidateMs, List<Double> referenceMs, double ratio,
                           double ratioLow, double ratioHigh, long requests, long failed, int points, int maxPoints,
                           String note) {
    this(metric, candidateMs, referenceMs, ratio, ratioLow, ratioHigh, requests, failed, points, maxPoints, note, null,
        null);
  }

  public PerformanceReport withPlans(String candidate, String reference) {
    return new PerformanceReport(metric, candidateMs, referenceMs, ratio, ratioLow, ratioHigh, requests, failed, points,
        maxPoints, note, candidate, reference);
  }

  /** As a candidate may see it: the reference's plan would show how the reference does it. */
  public PerformanceReport forCandidates() {
    return withPlans(candidatePlan, null);
  }

  /** The median of per-round figures, as the ratio is made of. */
  public static double median(List<Double> values) {
    var sorted = values.stream().sorted().toList();
    int middle = sorted.size() / 2;
    return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
  }
}
