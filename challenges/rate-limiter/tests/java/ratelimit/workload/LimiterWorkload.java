package ratelimit.workload;

import dev.gauntlet.harness.api.Call;
import dev.gauntlet.harness.api.Workload;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.locks.LockSupport;
import ratelimit.Quota;
import ratelimit.Quotas;
import ratelimit.RateLimiter;

/**
 * Trials: two clients, calls at times within four refills. Stress runs, time going on by a
 * millisecond every twenty calls of a thread:
 * <ul>
 *   <li>six calls in ten go to sixteen clients that every thread calls: none of them may be let
 *       through more often than its quota allows over the times it was seen at, nor less often than
 *       its full bucket;</li>
 *   <li>three in ten go to four busy clients of the calling thread's own, and one in ten to one of
 *       its five hundred quiet ones, whose quota the configuration service takes a tenth of a
 *       millisecond to give. Only one thread calls each of these, in order, so every answer is known:
 *       each must be what a bucket gives, call by call.</li>
 * </ul>
 * Client names do not say which kind a client is, and quotas differ from one stress run to the next,
 * so nothing a class remembers from one run helps in another.
 */
public final class LimiterWorkload implements Workload<RateLimiter> {
  private static final int SHARED = 16;
  private static final int BUSY = 4;
  private static final int QUIET = 500;
  private static final int CALLS_PER_MILLI = 20;
  private static final long SLOW_NANOS = 100_000;
  private static final int TRIAL_MILLIS = 40;
  private static final long REFILL_MILLIS = 10;
  private static final SecureRandom SALTS = new SecureRandom();

  /** The configuration service of the stress run under way: its create, its threads and its verify come in turn. */
  private ConfigService stressed;

  /** Quotas by the client's name and the service's salt alone, so that a replay sees the same ones. */
  private static final class ConfigService implements Quotas {
    private final boolean slow;
    private final int salt;

    ConfigService(boolean slow, int salt) {
      this.slow = slow;
      this.salt = salt;
    }

    @Override
    public Quota quotaOf(String client) {
      if (slow) {
        LockSupport.parkNanos(SLOW_NANOS);
      }
      return quota(client);
    }

    Quota quota(String client) {
      return new Quota(1 + Math.floorMod(client.hashCode() ^ salt, 3), REFILL_MILLIS);
    }
  }

  /** A bucket as the statement describes it, for the clients only one thread calls. */
  private static final class Bucket {
    private final Quota quota;
    private boolean started;
    private long tokens;
    private long refilledAt;

    Bucket(Quota quota) {
      this.quota = quota;
    }

    boolean take(long now) {
      if (!started) {
        started = true;
        tokens = quota.capacity();
        refilledAt = now;
      } else if (now > refilledAt) {
        long periods = (now - refilledAt) / quota.refillMillis();
        tokens = Math.min(quota.capacity(), tokens + periods);
        refilledAt += periods * quota.refillMillis();
      }
      if (tokens == 0) {
        return false;
      }
      tokens--;
      return true;
    }
  }

  /** A shared client as one stress thread saw it. */
  private static final class Seen {
    long calls;
    long granted;
    long first = Long.MAX_VALUE;
    long last = Long.MIN_VALUE;

    void add(Seen other) {
      calls += other.calls;
      granted += other.granted;
      first = Math.min(first, other.first);
      last = Math.max(last, other.last);
    }
  }

  /** What one stress thread saw: the shared clients, and the first wrong answer for one of its own. */
  private record Tally(Map<String, Seen> shared, String wrong) {
  }

  @Override
  public Class<RateLimiter> api() {
    return RateLimiter.class;
  }

  @Override
  public RateLimiter create(Class<? extends RateLimiter> implementation) throws ReflectiveOperationException {
    return implementation.getConstructor(Quotas.class).newInstance(new ConfigService(false, 0));
  }

  @Override
  public RateLimiter createForStress(Class<? extends RateLimiter> implementation)
      throws ReflectiveOperationException {
    stressed = new ConfigService(true, SALTS.nextInt());
    return implementation.getConstructor(Quotas.class).newInstance(stressed);
  }

  @Override
  public Call<RateLimiter> call(SplittableRandom random) {
    String client = random.nextBoolean() ? "a" : "b";
    long now = random.nextInt(TRIAL_MILLIS);
    return new Call<>("tryAcquire(\"" + client + "\", " + now + ")", limiter -> limiter.tryAcquire(client, now));
  }

  /** A client's name: the same shape for every kind, different in every run, and telling nothing of its salt. */
  private String client(int owner, int index) {
    return "client-" + Long.toHexString(new SplittableRandom(stressed.salt * 1_000_003L + owner * 7919L + index)
        .nextLong());
  }

  @Override
  public Object stress(RateLimiter target, int thread, SplittableRandom random, int operations) {
    var shared = new HashMap<String, Seen>();
    var own = new HashMap<String, Bucket>();
    String wrong = null;
    for (int i = 0; i < operations; i++) {
      long now = i / CALLS_PER_MILLI;
      int kind = random.nextInt(10);
      if (kind >= 4) {
        String client = client(0, random.nextInt(SHARED));
        boolean granted = target.tryAcquire(client, now);
        Seen seen = shared.computeIfAbsent(client, c -> new Seen());
        seen.calls++;
        seen.first = Math.min(seen.first, now);
        seen.last = Math.max(seen.last, now);
        if (granted) {
          seen.granted++;
        }
        continue;
      }
      String client = client(thread + 1, kind == 0 ? BUSY + random.nextInt(QUIET) : random.nextInt(BUSY));
      boolean granted = target.tryAcquire(client, now);
      boolean due = own.computeIfAbsent(client, c -> new Bucket(stressed.quota(c))).take(now);
      if (granted != due && wrong == null) {
        wrong = "a client that only one thread called, in order, got " + granted + " at " + now + " ms where its"
            + " bucket gives " + due;
      }
    }
    return new Tally(shared, wrong);
  }

  @Override
  public String verify(RateLimiter target, List<Object> tallies) {
    var all = new HashMap<String, Seen>();
    for (Object one : tallies) {
      Tally tally = (Tally) one;
      if (tally.wrong() != null) {
        return tally.wrong();
      }
      tally.shared().forEach((client, seen) -> all.computeIfAbsent(client, c -> new Seen()).add(seen));
    }
    for (var entry : all.entrySet()) {
      Quota quota = stressed.quota(entry.getKey());
      Seen seen = entry.getValue();
      long most = quota.capacity() + (seen.last - seen.first) / quota.refillMillis();
      long least = Math.min(quota.capacity(), seen.calls);
      if (seen.granted > most || seen.granted < least) {
        return "a client that every thread called was let through " + seen.granted + " times in " + seen.calls
            + " calls between " + seen.first + " ms and " + seen.last + " ms; its quota (" + quota.capacity()
            + " tokens, one back every " + quota.refillMillis() + " ms) allows " + least + " to " + most;
      }
    }
    return null;
  }
}
