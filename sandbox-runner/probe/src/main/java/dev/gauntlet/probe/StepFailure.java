package dev.gauntlet.probe;

/** A step did not get what it expected; the message says what, for the scenario's outcome. */
final class StepFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  StepFailure(String message) {
    super(message, null, false, false);
  }

  /** For {@code Optional.ifPresent}: a mismatch found is this step's failure. */
  static void raise(String message) {
    throw new StepFailure(message);
  }
}
