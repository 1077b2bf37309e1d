import java.util.HashMap;
import java.util.Map;
import ratelimit.Quota;
import ratelimit.Quotas;
import ratelimit.RateLimiter;

/** Correct, but every request waits for every other, and for each new client's quota to arrive. */
public final class TokenBuckets implements RateLimiter {
  private final Quotas quotas;
  private final Map<String, long[]> buckets = new HashMap<>();
  private final Map<String, Quota> known = new HashMap<>();

  public TokenBuckets(Quotas quotas) {
    this.quotas = quotas;
  }

  @Override
  public synchronized boolean tryAcquire(String client, long nowMillis) {
    Quota quota = known.computeIfAbsent(client, quotas::quotaOf);
    long[] bucket = buckets.get(client);
    if (bucket == null) {
      bucket = new long[] {quota.capacity(), nowMillis};
      buckets.put(client, bucket);
    } else if (nowMillis > bucket[1]) {
      long periods = (nowMillis - bucket[1]) / quota.refillMillis();
      bucket[0] = Math.min(quota.capacity(), bucket[0] + periods);
      bucket[1] += periods * quota.refillMillis();
    }
    if (bucket[0] == 0) {
      return false;
    }
    bucket[0]--;
    return true;
  }
}
