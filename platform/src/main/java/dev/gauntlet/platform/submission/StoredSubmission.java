package dev.gauntlet.platform.submission;

import dev.gauntlet.runner.job.Job;
import dev.gauntlet.runner.language.Language;
import dev.gauntlet.runner.verdict.JudgeResult;
import java.time.Instant;
import java.util.Map;

/**
 * A submission as the database holds it.
 *
 * @param result    the verdict, null until judged
 * @param judgedAt  null until judged
 * @param attemptId the assessment attempt it belongs to; null for one made outside any assessment
 * @param queue     the job queue it is judged from: the assessment's own, or the open queue
 * @param run       a candidate's run on the public tests, which never counts for a score
 */
public record StoredSubmission(String id, String challengeId, int challengeVersion, Language language,
                               Map<String, String> files, SubmissionStatus status, JudgeResult result,
                               Instant createdAt, Instant judgedAt, String attemptId, String queue, boolean run) {
  public StoredSubmission {
    files = Map.copyOf(files);
    queue = queue == null ? Job.OPEN_QUEUE : queue;
  }

  /** A submission made outside any assessment. */
  public StoredSubmission(String id, String challengeId, int challengeVersion, Language language,
                          Map<String, String> files, SubmissionStatus status, JudgeResult result,
                          Instant createdAt, Instant judgedAt) {
    this(id, challengeId, challengeVersion, language, files, status, result, createdAt, judgedAt, null, null, false);
  }

  public Job job(String packageHash) {
    return Job.judging(id, challengeId, challengeVersion, packageHash, language, files, queue, run);
  }
}
