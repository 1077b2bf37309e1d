package dev.gauntlet.runner.judge.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gauntlet.probe.HttpCall;
import dev.gauntlet.probe.LoadPlan;
import dev.gauntlet.probe.LoadRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimetableTest {
  private static final LoadPlan LOAD = new LoadPlan(100, 1.5, 0.5, 300, List.of(),
      List.of(new LoadRequest(1, new HttpCall(null, "/", null, null, null), null)));

  @Test
  void eachSideGoesFirstInEveryOtherRound() {
    var timetable = Timetable.of(3, LOAD, 10_000);

    assertThat(timetable.turns()).extracting(Timetable.Turn::candidate)
        .containsExactly(true, false, false, true, true, false);
  }

  @Test
  void aRoundThatBeganAsLateAsMayBeHasCountedEveryRequestBeforeItsServiceIsFrozen() {
    var turn = Timetable.of(1, LOAD, 10_000).turns().getFirst();
    long lastDue = turn.startMillis() + Timetable.LATE_LIMIT_MILLIS + 2_000;
    long counted = lastDue + LOAD.timeoutMs() + LoadPlan.DRAIN_MARGIN_MILLIS;

    assertThat(turn.doneMillis()).isGreaterThanOrEqualTo(counted);
  }

  @Test
  void aRoundWhoseRequestsWereRoundedUpLastsUntilTheLastOneIsSentAndCounted() {
    // 3 requests a second for 0.5 s round up to 2 requests, the second one due as late as 667 ms in.
    var load = new LoadPlan(3, 0.5, 0, 300, List.of(), LOAD.requests());
    var turn = Timetable.of(1, load, 10_000).turns().getFirst();
    long lastSent = turn.startMillis() + Timetable.LATE_LIMIT_MILLIS + 667;

    assertThat(turn.doneMillis()).isGreaterThanOrEqualTo(lastSent + load.timeoutMs() + LoadPlan.DRAIN_MARGIN_MILLIS);
  }

  @Test
  void aRoundEndsAfterItsLastDeadlineAndTheNextStartsAfterTheSwitch() {
    var timetable = Timetable.of(2, LOAD, 10_000);
    long length = 2_000 + 300 + Timetable.SETTLE_MILLIS;

    var first = timetable.turns().getFirst();
    assertThat(first.startMillis()).isEqualTo(10_000);
    assertThat(first.doneMillis()).isEqualTo(10_000 + length);
    assertThat(timetable.turns().get(1).startMillis()).isEqualTo(first.doneMillis() + Timetable.SWITCH_MILLIS);
    assertThat(timetable.startsOf(true)).containsExactly(10_000L, 10_000 + 3 * (length + Timetable.SWITCH_MILLIS));
    assertThat(timetable.startsOf(false)).containsExactly(10_000 + length + Timetable.SWITCH_MILLIS,
        10_000 + 2 * (length + Timetable.SWITCH_MILLIS));
    assertThat(timetable.endMillis()).isEqualTo(10_000 + 4 * length + 3 * Timetable.SWITCH_MILLIS);
  }
}
