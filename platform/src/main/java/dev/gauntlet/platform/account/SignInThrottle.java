package dev.gauntlet.platform.account;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Slows password guessing: after five failed sign-ins for one address within fifteen minutes, that
 * address is refused until the oldest failure is fifteen minutes old, without a password check. Kept
 * per platform process, for the addresses that failed most recently.
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

  /** How long the address must wait before it may try again; empty when it may try now. */
  public synchronized Optional<Duration> wait(String address, Instant now) {
    var recent = recent(address, now);
    if (recent.size() < MAX_FAILURES) {
      return Optional.empty();
    }
    return Optional.of(Duration.between(now, recent.peekFirst().plus(WINDOW)));
  }

  public synchronized void failed(String address, Instant now) {
    recent(address, now).addLast(now);
  }

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
