package dev.gauntlet.runner.docker;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A program left running in a sandbox, such as a candidate's service, until {@link #stop()}.
 * Another sandbox can join its network ({@link SandboxRequest#networkOf()}) to reach it on the
 * loopback they then share, and on nothing else.
 */
public final class RunningSandbox implements AutoCloseable {
  private static final Duration OUTPUT_POLL = Duration.ofMillis(50);
  /** Asking the engine costs more than reading a buffer, so it is asked less often. */
  private static final Duration RUNNING_CHECK = Duration.ofSeconds(1);
  private final String id;
  private final Sandbox.Attached attached;
  private final Predicate<String> running;
  private final Function<Sandbox.Attached, SandboxResult> stopper;
  private final SandboxContainers containers;
  private volatile SandboxResult stopped;

  RunningSandbox(String id, Sandbox.Attached attached, Predicate<String> running,
                 Function<Sandbox.Attached, SandboxResult> stopper, SandboxContainers containers) {
    this.id = id;
    this.attached = attached;
    this.running = running;
    this.stopper = stopper;
    this.containers = containers;
  }

  public String id() {
    return id;
  }

  /**
   * Waits until the program has written {@code line} as a whole line of its standard output (within
   * the kept part), or has ended, or the time is up. Only for a program whose output is ours: what
   * a candidate's program writes proves nothing.
   *
   * @return true when the line came
   */
  public boolean awaitLine(String line, Duration timeout) {
    String wanted = "\n" + line + "\n";
    long deadline = System.nanoTime() + timeout.toNanos();
    long nextRunningCheck = 0;
    while (System.nanoTime() < deadline) {
      if (("\n" + new String(attached.stdout().bytes(), StandardCharsets.UTF_8)).contains(wanted)) {
        return true;
      }
      if (System.nanoTime() > nextRunningCheck) {
        if (!isRunning()) {
          return false;
        }
        nextRunningCheck = System.nanoTime() + RUNNING_CHECK.toNanos();
      }
      try {
        Thread.sleep(OUTPUT_POLL.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new SandboxEngineException("interrupted while waiting for sandbox " + id, e);
      }
    }
    return false;
  }

  /** False once the program has ended, by itself or killed by its limits. */
  public boolean isRunning() {
    return stopped == null && running.test(id);
  }

  /**
   * Freezes every process of the program (the kernel's cgroup freezer) until the handle is closed:
   * a frozen program takes no CPU, runs no timers and answers nothing. Freezing a program that
   * has ended does nothing.
   */
  public Frozen freeze() {
    if (!unlessEnded(() -> containers.pause(id))) {
      return () -> { };
    }
    return () -> unlessEnded(() -> containers.unpause(id));
  }

  /**
   * Keeps every process of the program on the given CPUs (a cpuset such as {@code "3"} or
   * {@code "0-1"}) from now on; its CPU quota still holds.
   */
  public void pin(String cpus) {
    unlessEnded(() -> containers.pin(id, cpus));
  }

  /**
   * Asks the engine to act on the program, which fails when the program has ended: that failure
   * is no failure, since an ended program takes no CPU, and whoever needs it next finds it gone.
   *
   * @return false when the program had ended
   */
  private boolean unlessEnded(Runnable engineCall) {
    try {
      engineCall.run();
      return true;
    } catch (SandboxEngineException e) {
      if (isRunning()) {
        throw e;
      }
      return false;
    }
  }

  /** A frozen program; closing it lets the program run on. */
  public interface Frozen extends AutoCloseable {
    @Override
    void close();
  }

  /** Kills the program if it still runs, removes the container, and says how the program ended. */
  public synchronized SandboxResult stop() {
    if (stopped == null) {
      stopped = stopper.apply(attached);
    }
    return stopped;
  }

  @Override
  public void close() {
    stop();
  }
}
