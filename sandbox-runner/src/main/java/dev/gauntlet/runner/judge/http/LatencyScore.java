package dev.gauntlet.runner.judge.http;

import dev.gauntlet.probe.ProbeReport.LoadOutcome;
import dev.gauntlet.runner.challenge.LatencyMetric;
import dev.gauntlet.runner.challenge.Performance;
import dev.gauntlet.runner.verdict.PerformanceReport;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * Turns alternating load rounds of the candidate's service and the reference into performance
 * points. The ratio of the two medians is what counts: a noisy machine slows both sides of the same
 * job alike, and one slow round on either side moves a median less than a mean.
 */
final class LatencyScore {
  /** More failed requests than this share leaves a service no performance points. */
  static final double MAX_FAILED_SHARE = 0.01;
  /** An hour, in microseconds: more than any timeout a load may set. */
  private static final long HIGHEST_MICROS = 3_600_000_000L;

  private LatencyScore() {
  }

  /** The figure of one round, in milliseconds; {@code noAnswerMs} when no request was answered well. */
  static double figure(LatencyMetric metric, int[] latencyMicros, double noAnswerMs) {
    if (latencyMicros.length == 0) {
      return noAnswerMs;
    }
    var histogram = new Histogram(HIGHEST_MICROS, 3);
    for (int micros : latencyMicros) {
      histogram.recordValue(Math.max(1, micros));
    }
    double micros = switch (metric) {
      case P50_MS -> histogram.getValueAtPercentile(50);
      case P90_MS -> histogram.getValueAtPercentile(90);
      case P99_MS -> histogram.getValueAtPercentile(99);
      case MEAN_MS -> histogram.getMean();
    };
    return micros / 1000;
  }

  static boolean failedTooOften(List<LoadOutcome> rounds) {
    return failed(rounds) > MAX_FAILED_SHARE * requests(rounds);
  }

  /**
   * @param noAnswerMs the figure of a round in which no request was answered well: its timeout
   */
  static PerformanceReport score(Performance performance, int maxPoints, List<LoadOutcome> candidate,
                                 List<LoadOutcome> reference, double noAnswerMs) {
    var candidateMs = figures(performance.metric(), candidate, noAnswerMs);
    var referenceMs = figures(performance.metric(), reference, noAnswerMs);
    double ratio = PerformanceReport.median(candidateMs) / Math.max(PerformanceReport.median(referenceMs), 0.001);
    double low = Double.POSITIVE_INFINITY;
    double high = 0;
    for (int i = 0; i < candidateMs.size(); i++) {
      double pair = candidateMs.get(i) / Math.max(referenceMs.get(i), 0.001);
      low = Math.min(low, pair);
      high = Math.max(high, pair);
    }
    long requests = requests(candidate);
    long failed = failed(candidate);
    String note = null;
    int points;
    if (failedTooOften(candidate)) {
      points = 0;
      note = failed + " of " + requests + " requests under load failed or timed out (more than "
          + Math.round(MAX_FAILED_SHARE * 100) + "% gets no performance points)";
    } else {
      points = points(ratio, performance.fullMarksAt(), performance.zeroAt(), maxPoints);
    }
    return new PerformanceReport(performance.metric(), candidateMs, referenceMs, rounded(ratio), rounded(low),
        rounded(high), requests, failed, points, maxPoints, note);
  }

  /** Full marks up to {@code fullAt}, none from {@code zeroAt}, and on a log scale in between. */
  static int points(double ratio, double fullAt, double zeroAt, int maxPoints) {
    if (ratio <= fullAt) {
      return maxPoints;
    }
    if (ratio >= zeroAt || Double.isNaN(ratio)) {
      return 0;
    }
    return (int) Math.round(maxPoints * Math.log(zeroAt / ratio) / Math.log(zeroAt / fullAt));
  }

  private static List<Double> figures(LatencyMetric metric, List<LoadOutcome> rounds, double noAnswerMs) {
    var figures = new ArrayList<Double>();
    rounds.forEach(round -> figures.add(rounded(figure(metric, round.latencyMicros(), noAnswerMs))));
    return figures;
  }

  private static long requests(List<LoadOutcome> rounds) {
    return rounds.stream().mapToLong(LoadOutcome::sent).sum();
  }

  private static long failed(List<LoadOutcome> rounds) {
    return rounds.stream().mapToLong(r -> r.errors() + r.timeouts()).sum();
  }

  private static double rounded(double value) {
    return Math.round(value * 1000) / 1000.0;
  }
}
