package dev.gauntlet.harness.protocol;

/** Why a harness run ended before it was through; the judge turns each into a verdict. */
public enum ProblemKind {
  /** The class is missing, does not implement the interface, or cannot be made; or the harness was interrupted. */
  SETUP,
  /** A call (or the class's initialiser) threw. */
  THREW,
  /** Calls had not returned by the deadline: a deadlock, a lost wake-up, or a call that sleeps. */
  STUCK,
  /** What must hold after a stress run did not. */
  VIOLATION,
  /** A trial's history has no sequential explanation on the reference. */
  NOT_LINEARIZABLE,
  /** Threads the class started were still running after the last call returned. */
  LEFTOVER_THREADS
}
