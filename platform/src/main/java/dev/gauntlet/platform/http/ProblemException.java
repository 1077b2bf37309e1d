package dev.gauntlet.platform.http;

/** Thrown or failed with by a handler to answer with a problem document. */
public final class ProblemException extends RuntimeException {
  private final ProblemType type;
  private final int retryAfterSeconds;

  public ProblemException(ProblemType type, String detail) {
    this(type, detail, 0);
  }

  /** A refusal that is worth trying again after the given wait, sent as {@code Retry-After}. */
  public ProblemException(ProblemType type, String detail, int retryAfterSeconds) {
    super(detail, null, false, false);
    this.type = type;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public ProblemType type() {
    return type;
  }

  /** Seconds to wait before trying again; 0 when waiting would not help. */
  public int retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
