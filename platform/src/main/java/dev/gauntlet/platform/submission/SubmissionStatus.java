package dev.gauntlet.platform.submission;

/** Where a submission is: waiting for a runner, being judged, or done with a verdict. */
public enum SubmissionStatus {
  QUEUED,
  RUNNING,
  JUDGED
}
