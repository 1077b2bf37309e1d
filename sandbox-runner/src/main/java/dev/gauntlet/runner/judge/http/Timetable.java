package dev.gauntlet.runner.judge.http;

import dev.gauntlet.probe.LoadPlan;
import java.util.ArrayList;
import java.util.List;

/**
 * When each round of load starts, for the candidate's service and the reference: the rounds
 * alternate, each side going first in every other pair (candidate, reference, reference,
 * candidate, ...), so neither always follows the other. A round lasts until its last request has
 * been sent, then the load's timeout, by which every request of the round has been answered or
 * counted as a timeout; only then is its service frozen and the other one thawed.
 *
 * @param turns the rounds in the order they run
 */
record Timetable(List<Turn> turns) {
  /** How late a round may begin and still be trusted: it then ends this much later too. */
  static final long LATE_LIMIT_MILLIS = 50;
  /**
   * Between a round's last deadline and the freeze: the probe's time to finish counting, for a
   * round that began as late as may be.
   */
  static final long SETTLE_MILLIS = LoadPlan.DRAIN_MARGIN_MILLIS + LATE_LIMIT_MILLIS;
  /** Between the freeze of one side and the start of the other's round, for the thaw. */
  static final long SWITCH_MILLIS = 100;

  Timetable {
    turns = List.copyOf(turns);
  }

  /** One round: whose it is, when it starts, and when its service may be frozen. */
  record Turn(boolean candidate, long startMillis, long doneMillis) {
  }

  static Timetable of(int rounds, LoadPlan load, long firstMillis) {
    long length = load.roundMillis() + SETTLE_MILLIS;
    var turns = new ArrayList<Turn>();
    long start = firstMillis;
    for (int round = 0; round < rounds; round++) {
      boolean candidateFirst = round % 2 == 0;
      for (int side = 0; side < 2; side++) {
        turns.add(new Turn(candidateFirst == (side == 0), start, start + length));
        start += length + SWITCH_MILLIS;
      }
    }
    return new Timetable(turns);
  }

  /** The start of each of one side's rounds, in order. */
  List<Long> startsOf(boolean candidate) {
    return turns.stream().filter(turn -> turn.candidate() == candidate).map(Turn::startMillis).toList();
  }

  long endMillis() {
    return turns.getLast().doneMillis();
  }
}
