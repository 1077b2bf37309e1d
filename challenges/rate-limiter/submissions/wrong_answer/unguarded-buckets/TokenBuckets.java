import java.util.concurrent.ConcurrentHashMap;
import ratelimit.Quota;
import ratelimit.Quotas;
import ratelimit.RateLimiter;

/**
 * Data races: two first requests can each put a full bucket in the map, and two threads can take the
 * last token of one bucket at once. Both let more requests through than the quota allows.
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
      bucket = new Bucket(quotas.quotaOf(client), nowMillis);
      buckets.put(client, bucket);
    }
    if (nowMillis > bucket.refilledAt) {
      long periods = (nowMillis - bucket.refilledAt) / bucket.quota.refillMillis();
      bucket.tokens = Math.min(bucket.quota.capacity(), bucket.tokens + periods);
      bucket.refilledAt += periods * bucket.quota.refillMillis();
    }
    if (bucket.tokens == 0) {
      return false;
    }
    bucket.tokens--;
    return true;
  }

  private static final class Bucket {
    final Quota quota;
    long tokens;
    long refilledAt;

    Bucket(Quota quota, long now) {
      this.quota = quota;
      this.tokens = quota.capacity();
      this.refilledAt = now;
    }
  }
}
