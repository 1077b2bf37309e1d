package dev.gauntlet.runner.docker;

/** What came out of a sandbox broke a rule (a cap, a link, a path); the run's result cannot be trusted. */
public final class SandboxOutputException extends RuntimeException {
  public SandboxOutputException(String message) {
    super(message);
  }
}
