package dev.gauntlet.runner.job;

/** Where a job is in the job table. A finished job leaves the table. */
public enum JobState {
  QUEUED,
  CLAIMED
}
