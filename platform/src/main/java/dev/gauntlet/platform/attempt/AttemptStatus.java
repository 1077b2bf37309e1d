package dev.gauntlet.platform.attempt;

/** Where an invited candidate stands, as a manager sees it. */
public enum AttemptStatus {
  /** The link was not opened yet. */
  INVITED,
  /** Opened, and the clock runs. */
  STARTED,
  /** The candidate said they were done before the clock ran out. */
  SUBMITTED,
  /** The clock ran out, or the link did before it was opened. */
  EXPIRED
}
