package dev.gauntlet.platform.http;

/** Thrown or failed with by a handler to answer with a problem document. */
public final class ProblemException extends RuntimeException {
  private final ProblemType type;

  public ProblemException(ProblemType type, String detail) {
    super(detail, null, false, false);
    this.type = type;
  }

  public ProblemType type() {
    return type;
  }
}
