package dev.gauntlet.runner.job;

import dev.gauntlet.runner.judge.Submission;
import dev.gauntlet.runner.language.Language;
import java.util.Map;

/**
 * A submission to judge, as it travels through the cluster's job table.
 *
 * @param submissionId     the platform's id of the submission; a job exists at most once per id
 * @param challengeId      the package to judge against
 * @param challengeVersion the package version the submission was made for
 * @param packageHash      the content hash of that version's archive, which the runner fetches from the cluster
 */
public record Job(String submissionId, String challengeId, int challengeVersion, String packageHash,
                  Language language, Map<String, String> files) {
  public Job {
    files = Map.copyOf(files);
  }

  public Submission submission() {
    return new Submission(language, files);
  }
}
