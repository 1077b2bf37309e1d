package dev.gauntlet.probe;

import java.io.IOException;
import java.time.Duration;

/** Polls the service's readiness path until it answers 2xx or the time runs out. */
final class Readiness {
  private static final Duration POLL = Duration.ofMillis(50);
  private static final Duration PER_TRY = Duration.ofSeconds(1);

  private Readiness() {
  }

  /** Milliseconds until the service was ready, or -1 when it was not ready in time. */
  static long await(Client client, String path, Duration limit) throws InterruptedException {
    long began = System.nanoTime();
    long deadline = began + limit.toNanos();
    var request = client.build(new HttpCall("GET", path, null, null, null), new Variables(), PER_TRY);
    while (System.nanoTime() < deadline) {
      try {
        if (client.send(request).status() / 100 == 2) {
          return Duration.ofNanos(System.nanoTime() - began).toMillis();
        }
      } catch (IOException notListeningYet) {
        // Refused or reset while the service starts: try again.
      }
      Thread.sleep(POLL);
    }
    return -1;
  }
}
