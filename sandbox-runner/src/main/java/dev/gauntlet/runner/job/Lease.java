package dev.gauntlet.runner.job;

/**
 * One claim of a job by a runner. The attempt number is a fencing token: a runner whose lease ran
 * out holds an older attempt than whoever claimed the job next, so nothing it sends or changes
 * counts, even when the same runner claims the job again.
 *
 * @param jobId    the job
 * @param runnerId the runner that claimed it
 * @param attempt  how many times the job had been claimed, this claim included
 */
public record Lease(String jobId, String runnerId, int attempt) {
  boolean matches(JobEntry entry) {
    return entry.state() == JobState.CLAIMED && runnerId.equals(entry.runner()) && attempt == entry.attempts();
  }
}
