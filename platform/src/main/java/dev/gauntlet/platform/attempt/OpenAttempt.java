package dev.gauntlet.platform.attempt;

/** The body of {@code POST /api/v1/attempts}: the token from an invitation link. */
public record OpenAttempt(String token) {
  /** Never prints the token. */
  @Override
  public String toString() {
    return "OpenAttempt[]";
  }
}
