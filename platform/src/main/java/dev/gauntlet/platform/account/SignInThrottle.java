package dev.gauntlet.platform.account;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Slows password guessing: after five sign-ins for one address within fifteen minutes that did not
 * succeed, that address is refused until the oldest is fifteen minutes old, without a password
 * check. A try counts from its start, so that guesses sent all at once are counted as they come.
 * Kept per platform process, for the addresses tried most recently.
 */
public final class SignInThrottle {
  public static final int MAX_FAILURES = 5;
  public static final Duration WINDOW = Duration.ofMinutes(15);
  private static final int MAX_ADDRESSES = 10_000;

  private final Map<String, Deque<Instant>> failures = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Deque<Instant>> eldest) {
      return size() > MAX_ADDRESSES;
    }
  };

  /**
   * Counts a try for the address, which stands as a failure unless it {@link #succeeded}; when the
   * address has tried too often, counts nothing and says how long it must wait.
   */
  public synchronized Optional<Duration> begin(String address, Instant now) {
    var recent = recent(address, now);
    if (recent.size() >= MAX_FAILURES) {
      return Optional.of(Duration.between(now, recent.peekFirst().plus(WINDOW)));
    }
    recent.addLast(now);
    return Optional.empty();
  }

  /** Forgets the address's tries: it signed in. */
  public synchronized void succeeded(String address) {
    failures.remove(address);
  }

  private Deque<Instant> recent(String address, Instant now) {
    var recent = failures.computeIfAbsent(address, a -> new ArrayDeque<>());
    while (!recent.isEmpty() && !recent.peekFirst().plus(WINDOW).isAfter(now)) {
      recent.removeFirst();
    }
    return recent;
  }
}
