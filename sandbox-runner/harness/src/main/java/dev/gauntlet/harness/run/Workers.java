package dev.gauntlet.harness.run;

import dev.gauntlet.harness.protocol.ProblemKind;
import dev.gauntlet.harness.protocol.Text;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs tasks on threads of their own, released at the same instant so that their calls overlap, and
 * waits for them no later than the deadline. The threads are daemons: a stuck one must not keep the
 * harness from reporting it.
 */
final class Workers {
  private static final int FRAMES_SHOWN = 3;
  /** Enough for the message of an exception that wraps a few others. */
  private static final int MESSAGE_CHARS = 2000;
  private static final long END_POLL_NANOS = 10_000;

  private Workers() {
  }

  @FunctionalInterface
  interface Task {
    void run() throws Exception;
  }

  /**
   * Runs the tasks and returns the nanoseconds from their release to the end of the last one.
   *
   * @param what what the tasks are, for a problem's message ("trial 12", "stress run 2")
   */
  static long run(List<Task> tasks, long deadlineNanos, String what) throws Failure {
    int count = tasks.size();
    var ready = new CountDownLatch(count);
    var go = new CountDownLatch(1);
    // Waited for by a latch, not by join(): join locks the thread, and a call may hold that lock.
    var done = new CountDownLatch(count);
    var finished = new AtomicIntegerArray(count);
    var thrown = new Throwable[count];
    var threads = new ArrayList<Thread>(count);
    for (int i = 0; i < count; i++) {
      int index = i;
      Task task = tasks.get(i);
      Thread thread = new Thread(() -> {
        ready.countDown();
        try {
          go.await();
          task.run();
        } catch (Throwable t) {
          thrown[index] = t;
        } finally {
          finished.set(index, 1);
          done.countDown();
        }
      }, "gauntlet-worker-" + i);
      thread.setDaemon(true);
      threads.add(thread);
      thread.start();
    }
    long start;
    try {
      ready.await();
      start = System.nanoTime();
      go.countDown();
      done.await(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      throw new Failure(ProblemKind.SETUP, "the harness was interrupted during " + what);
    }
    long elapsed = System.nanoTime() - start;
    var stuck = new ArrayList<Thread>();
    for (int i = 0; i < count; i++) {
      if (finished.get(i) == 0) {
        stuck.add(threads.get(i));
      } else {
        awaitEnd(threads.get(i), deadlineNanos);
      }
    }
    if (!stuck.isEmpty()) {
      throw new Failure(ProblemKind.STUCK, what + ": " + stuck.size() + " of " + count + " threads had not returned"
          + " by the deadline (a deadlock, a lost wake-up, a call that never returns, or calls too slow to finish in"
          + " time):" + whereStuck(stuck));
    }
    for (int i = 0; i < count; i++) {
      if (thrown[i] != null) {
        throw new Failure(ProblemKind.THREW, what + ", thread " + (i + 1) + ": " + describe(thrown[i]));
      }
    }
    return elapsed;
  }

  /** A worker whose task is over ends within microseconds; until then it would pass for a leftover thread. */
  private static void awaitEnd(Thread thread, long deadlineNanos) {
    while (thread.isAlive() && System.nanoTime() < deadlineNanos) {
      LockSupport.parkNanos(END_POLL_NANOS);
    }
  }

  /** A throwable as the candidate reads it: its class, message and where it came from. */
  static String describe(Throwable thrown) {
    var text = new StringBuilder(thrown.getClass().getName());
    String message = thrown.getMessage();
    if (message != null) {
      text.append(": ").append(Text.cap(message, MESSAGE_CHARS));
    }
    StackTraceElement[] frames = thrown.getStackTrace();
    for (int i = 0; i < Math.min(FRAMES_SHOWN, frames.length); i++) {
      text.append("\n    at ").append(frames[i]);
    }
    return text.toString();
  }

  private static String whereStuck(List<Thread> stuck) {
    var text = new StringBuilder();
    for (Thread thread : stuck) {
      text.append("\n  ").append(thread.getName()).append(' ').append(thread.getState());
      StackTraceElement[] frames = thread.getStackTrace();
      for (int i = 0; i < Math.min(FRAMES_SHOWN, frames.length); i++) {
        text.append("\n    at ").append(frames[i]);
      }
    }
    return text.toString();
  }
}
