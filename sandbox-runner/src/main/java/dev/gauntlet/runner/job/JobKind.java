package dev.gauntlet.runner.job;

/** What a runner does with a job. */
public enum JobKind {
  /** Judge a candidate's submission; the verdict goes to {@link VerdictReport#ADDRESS}. */
  JUDGE,
  /** Verify an uploaded package version; the report goes to {@link VerificationDone#ADDRESS}. */
  VERIFY
}
