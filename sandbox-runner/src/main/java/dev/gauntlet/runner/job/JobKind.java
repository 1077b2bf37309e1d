package dev.gauntlet.runner.job;

/** What a runner does with a job. */
public enum JobKind {
  /** Judge a candidate's submission; the verdict goes to {@link VerdictReport#ADDRESS}. */
  JUDGE,
  /**
   * Judge a candidate's run: the package's public tests alone, no latency; the verdict goes where a
   * submission's does, and counts for nothing.
   */
  RUN,
  /** Verify an uploaded package version; the report goes to {@link VerificationDone#ADDRESS}. */
  VERIFY
}
