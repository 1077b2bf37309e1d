package dev.gauntlet.runner.job;

import dev.gauntlet.runner.judge.Submission;
import dev.gauntlet.runner.language.Language;
import java.util.Map;

/**
 * Work for a runner, as it travels through the cluster's job table.
 *
 * @param id               a job exists at most once per id: a submission's id, or the version's for a verification
 * @param challengeId      the package to judge against, or to verify
 * @param challengeVersion the package version the submission was made for, or the one to verify
 * @param packageHash      the content hash of that version's archive, which the runner fetches from the cluster
 * @param language         what the submission is written in; null for a verification
 * @param files            the submission's files; empty for a verification
 * @param queue            whose work this is: runners share themselves fairly between queues, so
 *                         that one queue's large batch cannot hold back another queue's single job
 */
public record Job(String id, JobKind kind, String challengeId, int challengeVersion, String packageHash,
                  Language language, Map<String, String> files, String queue) {
  /** Submissions made outside any assessment. */
  public static final String OPEN_QUEUE = "open";
  /** Verifications of uploaded package versions. */
  public static final String AUTHORING_QUEUE = "authoring";

  public Job {
    files = files == null ? Map.of() : Map.copyOf(files);
    // Jobs queued before there were queues have none in the cluster's table.
    queue = queue == null ? OPEN_QUEUE : queue;
  }

  public static Job judging(String submissionId, String challengeId, int challengeVersion, String packageHash,
                            Language language, Map<String, String> files) {
    return judging(submissionId, challengeId, challengeVersion, packageHash, language, files, OPEN_QUEUE, false);
  }

  /**
   * A submission judged from a queue of its own, such as an assessment's; a run ({@code run} true)
   * is judged on the public tests alone.
   */
  public static Job judging(String submissionId, String challengeId, int challengeVersion, String packageHash,
                            Language language, Map<String, String> files, String queue, boolean run) {
    return new Job(submissionId, run ? JobKind.RUN : JobKind.JUDGE, challengeId, challengeVersion, packageHash,
        language, files, queue);
  }

  public static Job verifying(String challengeId, int challengeVersion, String packageHash) {
    return new Job(verificationId(challengeId, challengeVersion), JobKind.VERIFY, challengeId, challengeVersion,
        packageHash, null, Map.of(), AUTHORING_QUEUE);
  }

  /** Submission ids are UUIDs, so a verification's id never meets one. */
  public static String verificationId(String challengeId, int challengeVersion) {
    return "verify-" + challengeId + "-" + challengeVersion;
  }

  public Submission submission() {
    return new Submission(language, files);
  }
}
