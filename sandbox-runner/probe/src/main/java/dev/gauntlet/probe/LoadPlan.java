package dev.gauntlet.probe;

import java.util.List;

/**
 * One round of open-loop load: requests go out at a constant rate whatever the service does, one
 * in each interval of {@code 1/rate} ({@link SendTimes}), and each latency counts from the moment
 * its request was due, so a stalled service cannot hide the requests it delayed (no coordinated
 * omission).
 *
 * @param rate          requests per second
 * @param seconds       how long latencies are recorded
 * @param warmupSeconds load sent before recording starts, at the same rate
 * @param timeoutMs     a request not answered in this time counts as a timeout
 * @param setup         steps run once before the load, whose captures the requests may use
 * @param requests      the mix, sent in a fixed interleaved order by weight
 */
public record LoadPlan(double rate, double seconds, double warmupSeconds, int timeoutMs, List<Step> setup,
                       List<LoadRequest> requests) {
  /**
   * How long a round waits after its last request's deadline for the senders to record what they
   * saw; a request still open then counts as a timeout. A timetable of rounds leaves this much.
   */
  public static final int DRAIN_MARGIN_MILLIS = 50;

  public LoadPlan {
    if (rate < 1 || rate > 5000) {
      throw new IllegalArgumentException("rate must be between 1 and 5000 requests per second, was " + rate);
    }
    if (seconds < 0.5 || seconds > 60) {
      throw new IllegalArgumentException("seconds must be between 0.5 and 60, was " + seconds);
    }
    if (warmupSeconds < 0 || warmupSeconds > 30) {
      throw new IllegalArgumentException("warmup_seconds must be between 0 and 30, was " + warmupSeconds);
    }
    if (timeoutMs < 10 || timeoutMs > 30_000) {
      throw new IllegalArgumentException("timeout_ms must be between 10 and 30000, was " + timeoutMs);
    }
    setup = setup == null ? List.of() : List.copyOf(setup);
    if (requests == null || requests.isEmpty()) {
      throw new IllegalArgumentException("requests: the load needs at least one request");
    }
    requests = List.copyOf(requests);
    if (requestsIn(rate, warmupSeconds + seconds) - requestsIn(rate, warmupSeconds) < 1) {
      // Both sides would then measure nothing, tie, and the candidate take every latency point.
      throw new IllegalArgumentException("rate × seconds records no request after the warm-up; raise rate or seconds");
    }
  }

  /** The first requests of a round, sent before recording starts. */
  public long warmupRequests() {
    return requestsIn(rate, warmupSeconds);
  }

  /** Requests sent in one round, warm-up included. */
  public long total() {
    return requestsIn(rate, warmupSeconds + seconds);
  }

  /**
   * From a round's start to the end of its last request's slot, by when every request has been
   * sent: a little past the warm-up and recorded seconds when their requests were rounded up.
   */
  public long sendingMillis() {
    return (long) Math.ceil(1000 * total() / rate);
  }

  /** From a round's start until every one of its requests has been answered or has timed out. */
  public long roundMillis() {
    return sendingMillis() + timeoutMs;
  }

  private static long requestsIn(double rate, double seconds) {
    return Math.round(rate * seconds);
  }
}
