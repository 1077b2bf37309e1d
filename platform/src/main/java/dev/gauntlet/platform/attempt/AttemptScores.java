package dev.gauntlet.platform.attempt;

import dev.gauntlet.platform.assessment.Assessment;
import dev.gauntlet.platform.assessment.PinnedChallenge;
import dev.gauntlet.platform.challenge.ChallengeCatalog;
import dev.gauntlet.platform.submission.StoredSubmission;
import dev.gauntlet.platform.submission.SubmissionRepository;
import java.util.HashMap;
import java.util.List;

/** Scores attempts from their stored submissions and the pinned packages' points. Blocking. */
public final class AttemptScores {
  private final SubmissionRepository submissions;
  private final ChallengeCatalog catalog;

  public AttemptScores(SubmissionRepository submissions, ChallengeCatalog catalog) {
    this.submissions = submissions;
    this.catalog = catalog;
  }

  /** An attempt with its submissions, oldest first, and the score they make. */
  public record Scored(Attempt attempt, List<StoredSubmission> submissions, AttemptScore score) {
  }

  public AttemptScore of(Assessment assessment, Attempt attempt) {
    return of(assessment, List.of(attempt)).getFirst().score();
  }

  /** Scores attempts of one assessment, asking the catalog about each pinned challenge once for them all. */
  public List<Scored> of(Assessment assessment, List<Attempt> attempts) {
    var known = new HashMap<PinnedChallenge, AttemptScore.Pinned>();
    AttemptScore.Catalog pinned = (id, version) -> known.computeIfAbsent(new PinnedChallenge(id, version),
        p -> catalog.at(id, version)
            .map(served -> new AttemptScore.Pinned(served.pkg().manifest().title(),
                served.pkg().manifest().scoring().total()))
            // A pinned version cannot be deleted, so this is only a database edited by hand.
            .orElseGet(() -> new AttemptScore.Pinned(id + " (version " + version + " is gone)", 0)));
    return attempts.stream().map(attempt -> {
      var made = submissions.ofAttempt(attempt.id());
      return new Scored(attempt, made, AttemptScore.of(assessment, made, pinned));
    }).toList();
  }
}
