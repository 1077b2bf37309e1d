package dev.gauntlet.runner.job;

/**
 * One row of the job table.
 *
 * @param runner     the member that holds the job's lease, null while queued
 * @param enqueuedAt when the job was first queued, epoch milliseconds; older jobs are claimed first
 * @param leaseUntil while claimed: when the lease runs out unless the runner renews it
 * @param attempts   how many times a runner has claimed the job
 */
public record JobEntry(Job job, JobState state, String runner, long enqueuedAt, long leaseUntil, int attempts) {
  static JobEntry queued(Job job, long now) {
    return new JobEntry(job, JobState.QUEUED, null, now, 0, 0);
  }

  JobEntry claimedBy(String runnerId, long leaseUntil) {
    return new JobEntry(job, JobState.CLAIMED, runnerId, enqueuedAt, leaseUntil, attempts + 1);
  }

  JobEntry renewed(long leaseUntil) {
    return new JobEntry(job, state, runner, enqueuedAt, leaseUntil, attempts);
  }

  JobEntry requeued() {
    return new JobEntry(job, JobState.QUEUED, null, enqueuedAt, 0, attempts);
  }
}
