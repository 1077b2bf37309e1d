package ratelimit;

import dev.gauntlet.harness.api.Call;
import dev.gauntlet.harness.api.Workload;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.locks.LockSupport;

/**
 * Trials: two clients, calls at times within four refills. Stress runs: nine calls in ten go to
 * sixteen busy clients, the tenth to one of four thousand others, whose quota the configuration
 * service takes a tenth of a millisecond to give; time goes on by a millisecond every twenty calls of
 * a thread. Afterwards no client may have been let through more often than its quota allows over the
 * times it was seen at.
 */
public final class LimiterWorkload implements Workload<RateLimiter> {
  private static final int HOT = 16;
  private static final int COLD = 4_000;
  private static final int CALLS_PER_MILLI = 20;
  private static final long SLOW_NANOS = 100_000;
  private static final int TRIAL_MILLIS = 40;

  /** Quotas by the client's name alone, so that a replay sees the same ones. */
  private static final class ConfigService implements Quotas {
    private final boolean slow;

    ConfigService(boolean slow) {
      this.slow = slow;
    }

    @Override
    public Quota quotaOf(String client) {
      if (slow) {
        LockSupport.parkNanos(SLOW_NANOS);
      }
      return quota(client);
    }

    static Quota quota(String client) {
      return new Quota(1 + Math.floorMod(client.hashCode(), 3), 10);
    }
  }

  /** One client as one stress thread saw it. */
  private static final class Seen {
    long granted;
    long first = Long.MAX_VALUE;
    long last = Long.MIN_VALUE;

    void add(Seen other) {
      granted += other.granted;
      first = Math.min(first, other.first);
      last = Math.max(last, other.last);
    }
  }

  @Override
  public Class<RateLimiter> api() {
    return RateLimiter.class;
  }

  @Override
  public RateLimiter create(Class<? extends RateLimiter> implementation) throws ReflectiveOperationException {
    return implementation.getConstructor(Quotas.class).newInstance(new ConfigService(false));
  }

  @Override
  public RateLimiter createForStress(Class<? extends RateLimiter> implementation)
      throws ReflectiveOperationException {
    return implementation.getConstructor(Quotas.class).newInstance(new ConfigService(true));
  }

  @Override
  public Call<RateLimiter> call(SplittableRandom random) {
    String client = random.nextBoolean() ? "a" : "b";
    long now = random.nextInt(TRIAL_MILLIS);
    return new Call<>("tryAcquire(\"" + client + "\", " + now + ")", limiter -> limiter.tryAcquire(client, now));
  }

  @Override
  public Object stress(RateLimiter target, int thread, SplittableRandom random, int operations) {
    var seen = new HashMap<String, Seen>();
    for (int i = 0; i < operations; i++) {
      String client = random.nextInt(10) == 0 ? "cold-" + random.nextInt(COLD) : "hot-" + random.nextInt(HOT);
      long now = i / CALLS_PER_MILLI;
      boolean granted = target.tryAcquire(client, now);
      Seen one = seen.computeIfAbsent(client, c -> new Seen());
      one.first = Math.min(one.first, now);
      one.last = Math.max(one.last, now);
      if (granted) {
        one.granted++;
      }
    }
    return seen;
  }

  @Override
  @SuppressWarnings("unchecked")
  public String verify(RateLimiter target, List<Object> tallies) {
    var all = new HashMap<String, Seen>();
    for (Object tally : tallies) {
      ((Map<String, Seen>) tally).forEach((client, seen) -> all.computeIfAbsent(client, c -> new Seen()).add(seen));
    }
    for (var entry : all.entrySet()) {
      Quota quota = ConfigService.quota(entry.getKey());
      Seen seen = entry.getValue();
      long allowed = quota.capacity() + (seen.last - seen.first) / quota.refillMillis();
      if (seen.granted > allowed) {
        return "client " + entry.getKey() + " was let through " + seen.granted + " times between " + seen.first
            + " ms and " + seen.last + " ms; its quota (" + quota.capacity() + " tokens, one back every "
            + quota.refillMillis() + " ms) allows at most " + allowed;
      }
    }
    return null;
  }
}
