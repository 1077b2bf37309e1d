package dev.gauntlet.harness.run;

import dev.gauntlet.harness.protocol.ProblemKind;

/** Ends a harness run with a problem; the report says what it was. */
final class Failure extends Exception {
  private static final long serialVersionUID = 1L;

  private final ProblemKind kind;

  Failure(ProblemKind kind, String message) {
    super(message, null, false, false);
    this.kind = kind;
  }

  ProblemKind kind() {
    return kind;
  }
}
