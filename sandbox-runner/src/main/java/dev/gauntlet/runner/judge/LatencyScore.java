package dev.gauntlet.runner.judge;

import dev.gauntlet.runner.challenge.Performance;
import dev.gauntlet.runner.verdict.PerformanceReport;
import java.util.List;

/**
 * Turns rounds measured alternately on the submission and the reference, in the same job, into
 * performance points: the one score of every judge that times a submission. The ratio of the two
 * medians is what counts: a noisy machine slows both sides of the same job alike, and one slow
 * round on either side moves a median less than a mean.
 */
public final class LatencyScore {
  private LatencyScore() {
  }

  /**
   * @param candidateMs    the submission's figure in each round
   * @param referenceMs    the reference's figure in the same rounds
   * @param requests       what the figures were measured over (requests, or runs of a query)
   * @param failed         of those, the ones that failed
   * @param noPointsReason why the submission gets no points whatever its ratio, or null
   */
  public static PerformanceReport score(Performance performance, int maxPoints, List<Double> candidateMs,
                                        List<Double> referenceMs, long requests, long failed, String noPointsReason) {
    double ratio = PerformanceReport.median(candidateMs) / Math.max(PerformanceReport.median(referenceMs), 0.001);
    double low = Double.POSITIVE_INFINITY;
    double high = 0;
    for (int i = 0; i < candidateMs.size(); i++) {
      double pair = candidateMs.get(i) / Math.max(referenceMs.get(i), 0.001);
      low = Math.min(low, pair);
      high = Math.max(high, pair);
    }
    int points = noPointsReason != null ? 0 : points(ratio, performance.fullMarksAt(), performance.zeroAt(), maxPoints);
    return new PerformanceReport(performance.metric(), candidateMs, referenceMs, rounded(ratio), rounded(low),
        rounded(high), requests, failed, points, maxPoints, noPointsReason);
  }

  /** Full marks up to {@code fullAt}, none from {@code zeroAt}, and on a log scale in between. */
  public static int points(double ratio, double fullAt, double zeroAt, int maxPoints) {
    if (ratio <= fullAt) {
      return maxPoints;
    }
    if (ratio >= zeroAt || Double.isNaN(ratio)) {
      return 0;
    }
    return (int) Math.round(maxPoints * Math.log(zeroAt / ratio) / Math.log(zeroAt / fullAt));
  }

  /** Correct but outside the target: {@code TOO_SLOW}, still scored. */
  public static boolean missesTarget(Performance performance, PerformanceReport report) {
    return report.note() != null || report.ratio() > performance.fullMarksAt();
  }

  /** What a {@code TOO_SLOW} verdict tells the candidate. */
  public static String slowness(Performance performance, PerformanceReport report) {
    if (report.note() != null) {
      return report.note();
    }
    return "correct, but its " + report.metric().manifestName() + " was " + report.ratio()
        + " times the reference's (full marks up to " + performance.fullMarksAt() + " times, none from "
        + performance.zeroAt() + ")";
  }

  public static double rounded(double value) {
    return Math.round(value * 1000) / 1000.0;
  }
}
