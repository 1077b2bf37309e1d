package dev.gauntlet.probe;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SendTimesTest {
  @ParameterizedTest
  @ValueSource(doubles = {100, 3})
  void eachRequestIsDueWithinItsOwnSlotSoTheRateHoldsExactly(double rate) {
    double interval = 1e9 / rate;
    long[] due = new SendTimes().nextRound(500, rate);

    assertThat(due).hasSize(500);
    for (int i = 0; i < due.length; i++) {
      assertThat(due[i]).isBetween((long) Math.floor(i * interval), (long) Math.ceil((i + 1) * interval));
    }
  }

  @Test
  void theGapsVaryInsteadOfKeepingStep() {
    long interval = 5_000_000;
    long[] due = new SendTimes().nextRound(500, 200);

    long shortest = Long.MAX_VALUE;
    long longest = 0;
    for (int i = 1; i < due.length; i++) {
      shortest = Math.min(shortest, due[i] - due[i - 1]);
      longest = Math.max(longest, due[i] - due[i - 1]);
    }
    assertThat(shortest).isLessThan(interval / 4);
    assertThat(longest).isGreaterThan(interval * 7 / 4);
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
