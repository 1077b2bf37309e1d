package dev.gauntlet.runner.job;

import dev.gauntlet.runner.verdict.JudgeResult;

/**
 * A runner's verdict for one submission, sent to the platform, which records it once, and only
 * from the runner that holds the job's lease.
 */
public record VerdictReport(String submissionId, String runnerId, JudgeResult result) {
  /** Event-bus address the platform answers on; the runner removes the job only after the answer. */
  public static final String ADDRESS = "gauntlet.verdicts";
}
