package dev.gauntlet.runner.judge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gauntlet.runner.challenge.LatencyMetric;
import dev.gauntlet.runner.challenge.Performance;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Scoring a submission's time against the reference's")
class LatencyScoreTest {
  private static final Performance QUERY = new Performance(LatencyMetric.QUERY_MS, 1.5, 5.0, 3);

  @ParameterizedTest(name = "ratio {0} gives {1} of 30")
  @CsvSource({"0.8, 30", "1.5, 30", "2.0, 23", "3.0, 13", "4.99, 0", "5.0, 0", "12, 0"})
  @DisplayName("full marks up to full_marks_at, none from zero_at, log scale between")
  void points(double ratio, int expected) {
    assertThat(LatencyScore.points(ratio, 1.5, 5.0, 30)).isEqualTo(expected);
  }

  @Test
  @DisplayName("the ratio is of the medians; the spread is of rounds side by side; a reason takes every point")
  void medians() {
    var report = LatencyScore.score(QUERY, 30, List.of(4.0, 2.0, 30.0), List.of(1.0, 2.0, 1.0), 3, 0, null);

    assertThat(report.ratio()).isEqualTo(4.0);
    assertThat(report.ratioLow()).isEqualTo(1.0);
    assertThat(report.ratioHigh()).isEqualTo(30.0);
    assertThat(report.points()).isEqualTo(6);
    assertThat(LatencyScore.missesTarget(QUERY, report)).isTrue();
    assertThat(LatencyScore.score(QUERY, 30, List.of(1.0), List.of(1.0), 1, 1, "it failed").points()).isZero();
  }
}
