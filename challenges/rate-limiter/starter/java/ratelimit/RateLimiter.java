package ratelimit;

/** Decides, for every request of every client, whether it may go ahead. Called from many threads at once. */
public interface RateLimiter {
  /**
   * Takes one token from the client's bucket at time {@code nowMillis} and returns true, or returns
   * false when the bucket is empty.
   */
  boolean tryAcquire(String client, long nowMillis);
}
