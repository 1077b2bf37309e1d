package ratelimit;

/**
 * A client's allowance: a bucket of {@code capacity} tokens, to which one token comes back every
 * {@code refillMillis} milliseconds until it is full again.
 */
public record Quota(int capacity, long refillMillis) {
}
