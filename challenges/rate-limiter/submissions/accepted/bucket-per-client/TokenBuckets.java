import java.util.concurrent.ConcurrentHashMap;
import ratelimit.Quota;
import ratelimit.Quotas;
import ratelimit.RateLimiter;

/**
 * A bucket per client, each with its own lock: clients never wait for each other. A new client's
 * quota is fetched before any lock is taken; two first requests at once may both fetch it, and the
 * map keeps one bucket.
 */
public final class TokenBuckets implements RateLimiter {
  private final Quotas quotas;
  private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

  public TokenBuckets(Quotas quotas) {
    this.quotas = quotas;
  }

  @Override
  public boolean tryAcquire(String client, long nowMillis) {
    Bucket bucket = buckets.get(client);
    if (bucket == null) {
      Quota quota = quotas.quotaOf(client);
      bucket = buckets.computeIfAbsent(client, c -> new Bucket(quota));
    }
    return bucket.take(nowMillis);
  }

  private static final class Bucket {
    private final Quota quota;
    private boolean started;
    private long tokens;
    private long refilledAt;

    Bucket(Quota quota) {
      this.quota = quota;
    }

    synchronized boolean take(long now) {
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
}
