package dev.gauntlet.runner.judge.http;

import dev.gauntlet.probe.ProbeReport.LoadOutcome;
import dev.gauntlet.runner.challenge.LatencyMetric;
import dev.gauntlet.runner.challenge.Performance;
import dev.gauntlet.runner.judge.LatencyScore;
import dev.gauntlet.runner.verdict.PerformanceReport;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * Load rounds of the candidate's service and the reference, summed up per round by the package's
 * metric and scored by {@link LatencyScore}. A service that fails too many requests under load gets
 * no points, however fast it answered the rest.
 */
final class LoadRounds {
  /** More failed requests than this share leaves a service no performance points. */
  static final double MAX_FAILED_SHARE = 0.01;
  /** An hour, in microseconds: more than any timeout a load may set. */
  private static final long HIGHEST_MICROS = 3_600_000_000L;

  private LoadRounds() {
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
      case QUERY_MS, STRESS_MS -> throw new IllegalArgumentException(metric.manifestName() + " is not a load's metric");
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
    long requests = requests(candidate);
    long failed = failed(candidate);
    String note = failedTooOften(candidate)
        ? failed + " of " + requests + " requests under load failed or timed out (more than "
            + Math.round(MAX_FAILED_SHARE * 100) + "% gets no performance points)"
        : null;
    return LatencyScore.score(performance, maxPoints, figures(performance.metric(), candidate, noAnswerMs),
        figures(performance.metric(), reference, noAnswerMs), requests, failed, note);
  }

  private static List<Double> figures(LatencyMetric metric, List<LoadOutcome> rounds, double noAnswerMs) {
    var figures = new ArrayList<Double>();
    rounds.forEach(round -> figures.add(LatencyScore.rounded(figure(metric, round.latencyMicros(), noAnswerMs))));
    return figures;
  }

  private static long requests(List<LoadOutcome> rounds) {
    return rounds.stream().mapToLong(LoadOutcome::sent).sum();
  }

  private static long failed(List<LoadOutcome> rounds) {
    return rounds.stream().mapToLong(r -> r.errors() + r.timeouts()).sum();
  }
}
