package dev.gauntlet.runner.docker;

/** The engine failed us (image missing, daemon gone, create refused): our fault, never the candidate's. */
public final class SandboxEngineException extends RuntimeException {
  public SandboxEngineException(String message, Throwable cause) {
    super(message, cause);
  }
}
