package dev.gauntlet.probe;

import java.util.SplittableRandom;

/**
 * When the requests of a round are due. The round is cut into slots of one interval ({@code 1/rate})
 * each, and each request is due at a random point of its own slot: the rate holds exactly, second
 * by second, but the gaps between requests vary.
 *
 * <p>Requests at exact intervals lock into step with whatever the service does on its own timers.
 * Go's monitor thread, which shares the service's one CPU, fell into one of several patterns
 * against one request every 10 ms and kept it for the life of the process: it took the CPU from
 * the handler twice as often in some processes as in others, and the same handler took 3.3 ms in
 * one process and 3.7 ms in the next, 10 points of a score. With the send times spread over their
 * slots, eight processes measured within 3% of each other.
 */
final class SendTimes {
  /**
   * The same for every probe: both sides of a judging then meet the same gaps in the same rounds,
   * and a round can be reproduced.
   */
  private static final long SEED = 0x6A75_6467_6521L;

  private final SplittableRandom random = new SplittableRandom(SEED);

  /** The next round's due times, in nanoseconds from its start, one in each slot, in order. */
  long[] nextRound(int requests, double rate) {
    double intervalNanos = 1e9 / rate;
    long[] due = new long[requests];
    for (int i = 0; i < requests; i++) {
      due[i] = (long) ((i + random.nextDouble()) * intervalNanos);
    }
    return due;
  }
}
