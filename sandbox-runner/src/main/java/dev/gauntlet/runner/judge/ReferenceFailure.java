package dev.gauntlet.runner.judge;

/**
 * The package's own reference or data fails: nothing the candidate did, and nothing a retry
 * mends. Judges turn it into {@code JUDGE_ERROR} with this message, which tells the author what to fix.
 */
public final class ReferenceFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ReferenceFailure(String message) {
    super(message);
  }
}
