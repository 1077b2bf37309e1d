package dev.gauntlet.runner.job;

import dev.gauntlet.runner.verdict.JudgeResult;

/**
 * A runner's verdict for one submission, sent to the platform, which records it once, and only
 * from the runner that holds the job's lease.
 */
public record VerdictReport(Lease lease, JudgeResult result) {
  /** Event-bus address the platform answers on, with a {@link ReportOutcome}, once the verdict is safe or refused. */
  public static final String ADDRESS = "gauntlet.verdicts";
}
