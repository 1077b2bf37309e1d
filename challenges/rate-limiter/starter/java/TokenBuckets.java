import ratelimit.Quotas;
import ratelimit.RateLimiter;

public final class TokenBuckets implements RateLimiter {
  public TokenBuckets(Quotas quotas) {
    // TODO
  }

  @Override
  public boolean tryAcquire(String client, long nowMillis) {
    // TODO
    return false;
  }
}
