package dev.gauntlet.harness.run;

import dev.gauntlet.harness.protocol.ProblemKind;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Threads the class under test started and left running. A thread that outlives the calls could go
 * on working while the next run is timed, or after the harness has reported; so none may.
 */
final class Leftovers {
  private static final long GRACE_MILLIS = 500;

  private Leftovers() {
  }

  /**
   * The threads alive before the class under test was loaded: the JVM's own. The harness's workers
   * have all ended by the time anything is checked; one that has not is reported as stuck instead.
   */
  static Set<Thread> snapshot() {
    return Set.copyOf(Thread.getAllStackTraces().keySet());
  }

  /** Waits a moment for threads that are ending, then refuses any still alive that were not there before. */
  static void check(Set<Thread> before) throws Failure {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(GRACE_MILLIS);
    Set<Thread> extra = extra(before);
    try {
      for (Thread thread : extra) {
        thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
      }
    } catch (InterruptedException e) {
      throw new Failure(ProblemKind.SETUP, "the harness was interrupted while waiting for threads to end");
    }
    extra = extra(before);
    if (!extra.isEmpty()) {
      throw new Failure(ProblemKind.LEFTOVER_THREADS, extra.size() + " threads started by the class were still"
          + " running after its last call: " + extra.stream().map(Thread::getName).sorted()
          .collect(Collectors.joining(", ")) + ". A class may use threads only while a call runs.");
    }
  }

  private static Set<Thread> extra(Set<Thread> before) {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(thread -> thread.isAlive() && !before.contains(thread))
        .collect(Collectors.toSet());
  }
}
