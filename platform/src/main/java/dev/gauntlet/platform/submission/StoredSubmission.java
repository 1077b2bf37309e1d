package dev.gauntlet.platform.submission;

import dev.gauntlet.runner.job.Job;
import dev.gauntlet.runner.language.Language;
import dev.gauntlet.runner.verdict.JudgeResult;
import java.time.Instant;
import java.util.Map;

/**
 * A submission as the database holds it.
 *
 * @param result   the verdict, null until judged
 * @param judgedAt null until judged
 */
public record StoredSubmission(String id, String challengeId, int challengeVersion, Language language,
                               Map<String, String> files, SubmissionStatus status, JudgeResult result,
                               Instant createdAt, Instant judgedAt) {
  public StoredSubmission {
    files = Map.copyOf(files);
  }

  public Job job(String packageHash) {
    return Job.judging(id, challengeId, challengeVersion, packageHash, language, files);
  }
}
