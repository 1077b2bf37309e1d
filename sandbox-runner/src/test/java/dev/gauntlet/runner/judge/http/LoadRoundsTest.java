package dev.gauntlet.runner.judge.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.gauntlet.probe.ProbeReport.LoadOutcome;
import dev.gauntlet.runner.challenge.LatencyMetric;
import dev.gauntlet.runner.challenge.Performance;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Scoring load rounds against the reference")
class LoadRoundsTest {
  private static final Performance P90 = new Performance(LatencyMetric.P90_MS, 1.5, 5.0, 3);

  /** A round whose latencies are 1..100 ms scaled by {@code factor}: its p90 is 90 × factor ms. */
  private static LoadOutcome round(double factor, long failed) {
    int[] micros = IntStream.rangeClosed(1, 100).map(ms -> (int) Math.round(ms * 1000 * factor)).toArray();
    return new LoadOutcome(null, 100 + failed, failed, 0, micros, 0);
  }

  @Test
  @DisplayName("compares the medians of the rounds and keeps every raw figure")
  void medians() {
    var candidate = List.of(round(2.0, 0), round(2.2, 0), round(9.0, 0));
    var reference = List.of(round(1.0, 0), round(1.1, 0), round(1.0, 0));

    var report = LoadRounds.score(P90, 30, candidate, reference, 1000);

    // HdrHistogram keeps three significant digits: figures are exact to 0.1%.
    assertThat(report.candidateMs()).usingElementComparator(withinATenthOfAPercent())
        .containsExactly(180.0, 198.0, 810.0);
    assertThat(report.referenceMs()).usingElementComparator(withinATenthOfAPercent())
        .containsExactly(90.0, 99.0, 90.0);
    assertThat(report.ratio()).isCloseTo(198.0 / 90.0, within(0.005));
    assertThat(report.ratioLow()).isCloseTo(2.0, within(0.005));
    assertThat(report.ratioHigh()).isCloseTo(9.0, within(0.02));
    assertThat(report.points()).isEqualTo(20);
    assertThat(report.note()).isNull();
  }

  private static Comparator<Double> withinATenthOfAPercent() {
    return (a, b) -> Math.abs(a - b) <= 0.001 * Math.max(Math.abs(a), Math.abs(b)) ? 0 : Double.compare(a, b);
  }

  @Test
  @DisplayName("a service that fails more than 1% of its requests under load gets nothing, however fast")
  void failures() {
    var candidate = List.of(round(0.5, 2), round(0.5, 2), round(0.5, 0));
    var reference = List.of(round(1.0, 0), round(1.0, 0), round(1.0, 0));

    var report = LoadRounds.score(P90, 30, candidate, reference, 1000);

    assertThat(report.points()).isZero();
    assertThat(report.failed()).isEqualTo(4);
    assertThat(report.note()).startsWith("4 of 304 requests under load failed or timed out");
  }

  @Test
  @DisplayName("a round without one good answer counts as the timeout")
  void noAnswers() {
    var silent = new LoadOutcome(null, 100, 0, 100, new int[0], 0);

    assertThat(LoadRounds.figure(LatencyMetric.P99_MS, silent.latencyMicros(), 1000)).isEqualTo(1000);
  }
}
