package dev.gauntlet.runner.docker;

import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A program left running in a sandbox, such as a candidate's service, until {@link #stop()}.
 * Another sandbox can join its network ({@link SandboxRequest#networkOf()}) to reach it on the
 * loopback they then share, and on nothing else.
 */
public final class RunningSandbox implements AutoCloseable {
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
    try {
      containers.pause(id);
    } catch (SandboxEngineException e) {
      // A program that ended takes no CPU either; whoever needs it next finds it gone.
      if (isRunning()) {
        throw e;
      }
      return () -> { };
    }
    return () -> {
      try {
        containers.unpause(id);
      } catch (SandboxEngineException e) {
        if (isRunning()) {
          throw e;
        }
      }
    };
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
