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
  private volatile SandboxResult stopped;

  RunningSandbox(String id, Sandbox.Attached attached, Predicate<String> running,
                 Function<Sandbox.Attached, SandboxResult> stopper) {
    this.id = id;
    this.attached = attached;
    this.running = running;
    this.stopper = stopper;
  }

  public String id() {
    return id;
  }

  /** False once the program has ended, by itself or killed by its limits. */
  public boolean isRunning() {
    return stopped == null && running.test(id);
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
