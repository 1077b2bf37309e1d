package dev.gauntlet.runner.job;

import dev.gauntlet.runner.verdict.JudgeResult;

/**
 * A runner's verdict for one submission, sent to the platform, which records it once, and only
 * from the runner that holds the job's lease.
 */
public record VerdictReport(Lease lease, JudgeResult result) {
  /** Event-bus address the platform answers on, with an {@link Outcome}, once the verdict is safe or refused. */
  public static final String ADDRESS = "gauntlet.verdicts";

  /** What the platform did with a report. */
  public enum Outcome {
    /** Stored; the job has left the table. */
    STORED,
    /** The submission already had a verdict; this one was dropped and the job has left the table. */
    DUPLICATE,
    /** The lease ran out before the report came: the job is someone else's now and this verdict does not count. */
    NOT_HOLDER
  }
}
