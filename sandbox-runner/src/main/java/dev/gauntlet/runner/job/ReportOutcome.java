package dev.gauntlet.runner.job;

/** What the platform did with a runner's report of a job, verdict or verification. */
public enum ReportOutcome {
  /** Stored; the job has left the table. */
  STORED,
  /** The result was stored already; this one was dropped and the job has left the table. */
  DUPLICATE,
  /** The lease ran out before the report came: the job is someone else's now and this report does not count. */
  NOT_HOLDER
}
