import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import ratelimit.Quota;
import ratelimit.Quotas;
import ratelimit.RateLimiter;

/** Without locks: each bucket's state is an immutable value, swapped in with compare-and-set. */
public final class TokenBuckets implements RateLimiter {
  private record State(long tokens, long refilledAt) {
  }

  private record Bucket(Quota quota, AtomicReference<State> state) {
  }

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
      bucket = buckets.computeIfAbsent(client, c -> new Bucket(quota, new AtomicReference<>()));
    }
    while (true) {
      State before = bucket.state().get();
      State refilled = before == null ? new State(bucket.quota().capacity(), nowMillis) : refill(before, bucket.quota(),
          nowMillis);
      if (refilled.tokens() == 0) {
        if (bucket.state().compareAndSet(before, refilled)) {
          return false;
        }
        continue;
      }
      if (bucket.state().compareAndSet(before, new State(refilled.tokens() - 1, refilled.refilledAt()))) {
        return true;
      }
    }
  }

  private static State refill(State state, Quota quota, long now) {
    if (now <= state.refilledAt()) {
      return state;
    }
    long periods = (now - state.refilledAt()) / quota.refillMillis();
    return new State(Math.min(quota.capacity(), state.tokens() + periods),
        state.refilledAt() + periods * quota.refillMillis());
  }
}
