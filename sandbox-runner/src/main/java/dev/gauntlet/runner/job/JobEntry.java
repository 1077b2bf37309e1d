package dev.gauntlet.runner.job;

/**
 * One row of the job table.
 *
 * @param runner     the member that claimed the job, null while queued
 * @param enqueuedAt when the job was queued, epoch milliseconds; older jobs are claimed first
 */
public record JobEntry(Job job, JobState state, String runner, long enqueuedAt) {
  JobEntry claimedBy(String runnerId) {
    return new JobEntry(job, JobState.CLAIMED, runnerId, enqueuedAt);
  }
}
