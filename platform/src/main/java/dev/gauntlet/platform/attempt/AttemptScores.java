package dev.gauntlet.platform.attempt;

import dev.gauntlet.platform.assessment.Assessment;
import dev.gauntlet.platform.challenge.ChallengeCatalog;
import dev.gauntlet.platform.submission.SubmissionRepository;

/** Scores attempts from their stored submissions and the pinned packages' points. Blocking. */
public final class AttemptScores {
  private final SubmissionRepository submissions;
  private final ChallengeCatalog catalog;

  public AttemptScores(SubmissionRepository submissions, ChallengeCatalog catalog) {
    this.submissions = submissions;
    this.catalog = catalog;
  }

  public AttemptScore of(Assessment assessment, Attempt attempt) {
    return AttemptScore.of(assessment, submissions.ofAttempt(attempt.id()), (id, version) -> catalog.at(id, version)
        .map(served -> new AttemptScore.Pinned(served.pkg().manifest().title(),
            served.pkg().manifest().scoring().total()))
        // A pinned version cannot be deleted, so this is only a database edited by hand.
        .orElseGet(() -> new AttemptScore.Pinned(id + " (version " + version + " is gone)", 0)));
  }
}
