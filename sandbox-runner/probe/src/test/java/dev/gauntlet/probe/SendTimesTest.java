package dev.gauntlet.probe;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SendTimesTest {
  private static final long INTERVAL_NANOS = 10_000_000;

  @Test
  void eachRequestIsDueWithinItsOwnSlotSoTheRateHoldsExactly() {
    long[] due = new SendTimes().nextRound(500, 100);

    assertThat(due).hasSize(500);
    for (int i = 0; i < due.length; i++) {
      assertThat(due[i]).isBetween(i * INTERVAL_NANOS, (i + 1) * INTERVAL_NANOS - 1);
    }
  }

  @Test
  void theGapsVaryInsteadOfKeepingStep() {
    long[] due = new SendTimes().nextRound(500, 100);

    long shortest = Long.MAX_VALUE;
    long longest = 0;
    for (int i = 1; i < due.length; i++) {
      shortest = Math.min(shortest, due[i] - due[i - 1]);
      longest = Math.max(longest, due[i] - due[i - 1]);
    }
    assertThat(shortest).isLessThan(INTERVAL_NANOS / 4);
    assertThat(longest).isGreaterThan(INTERVAL_NANOS * 7 / 4);
  }

  @Test
  void everyProbeMeetsTheSameGapsRoundByRound() {
    var candidate = new SendTimes();
    var reference = new SendTimes();

    long[] firstRound = candidate.nextRound(100, 100);
    assertThat(reference.nextRound(100, 100)).containsExactly(firstRound);
    long[] secondRound = candidate.nextRound(100, 100);
    assertThat(secondRound).isNotEqualTo(firstRound);
    assertThat(reference.nextRound(100, 100)).containsExactly(secondRound);
  }
}
