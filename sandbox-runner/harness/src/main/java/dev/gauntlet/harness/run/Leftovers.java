package dev.gauntlet.harness.run;

import dev.gauntlet.harness.protocol.ProblemKind;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;

/**
 * Threads the class under test started and left running. A thread that outlives the calls could go
 * on working while the next run is timed, or after the harness has reported; so none may, and the
 * harness looks after every trial and every stress run. Threads are listed from the root thread
 * group and known by their ids, never through a hash map of them: a subclass of {@link Thread}
 * decides what its own {@code equals} and {@code hashCode} say, and can hide behind another thread
 * in {@link Thread#getAllStackTraces()}.
 */
final class Leftovers {
  private static final long GRACE_MILLIS = 500;
  private static final long POLL_MILLIS = 5;

  private Leftovers() {
  }

  /**
   * The threads alive before the class under test was loaded: the JVM's own. The harness's workers
   * have all ended by the time anything is checked; one that has not is reported as stuck instead.
   */
  static Set<Long> snapshot() {
    return live().stream().map(Thread::threadId).collect(Collectors.toUnmodifiableSet());
  }

  /**
   * Waits a moment for threads that are ending, then refuses any still alive that were not there before.
   *
   * @param after what has just ended, for the message ("trial 3")
   */
  static void check(Set<Long> before, String after) throws Failure {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(GRACE_MILLIS);
    List<Thread> extra = extra(before);
    // Polled, not joined: join locks the thread, and the class may hold that lock.
    while (!extra.isEmpty() && System.nanoTime() < deadline) {
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(POLL_MILLIS));
      extra = extra(before);
    }
    if (!extra.isEmpty()) {
      throw new Failure(ProblemKind.LEFTOVER_THREADS, extra.size() + " threads started by the class were still"
          + " running after " + after + ": " + extra.stream().map(Thread::getName).sorted()
          .collect(Collectors.joining(", ")) + ". A class may use threads only while a call runs.");
    }
  }

  private static List<Thread> extra(Set<Long> before) {
    return live().stream().filter(thread -> !before.contains(thread.threadId())).toList();
  }

  /** Every live platform thread: those of the root group and of all the groups under it. */
  private static List<Thread> live() {
    ThreadGroup root = Thread.currentThread().getThreadGroup();
    while (root.getParent() != null) {
      root = root.getParent();
    }
    Thread[] threads = new Thread[root.activeCount() + 16];
    int count;
    while ((count = root.enumerate(threads, true)) == threads.length) {
      threads = new Thread[threads.length * 2];
    }
    return Arrays.asList(threads).subList(0, count);
  }
}
