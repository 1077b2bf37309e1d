package dev.gauntlet.platform.attempt;

import dev.gauntlet.platform.assessment.Assessment;
import dev.gauntlet.platform.assessment.ScoringRule;
import dev.gauntlet.platform.submission.StoredSubmission;
import dev.gauntlet.platform.submission.SubmissionStatus;
import dev.gauntlet.runner.verdict.Verdict;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToIntFunction;

/** An attempt's total and its breakdown by challenge. */
public record AttemptScore(int score, int maxScore, List<ChallengeScore> challenges) {
  public AttemptScore {
    challenges = List.copyOf(challenges);
  }

  /** What the catalog says of a pinned challenge: its title and its points. */
  public record Pinned(String title, int maxScore) {
  }

  /** Where the catalog is asked about a pinned challenge. */
  public interface Catalog {
    Pinned pinned(String challengeId, int version);
  }

  /** Scores the attempt's submissions (oldest first) by the assessment's rule; runs count for nothing. */
  public static AttemptScore of(Assessment assessment, List<StoredSubmission> submissions, Catalog catalog) {
    var challenges = assessment.challenges().stream().map(pinned -> {
      var made = submissions.stream().filter(s -> !s.run() && s.challengeId().equals(pinned.challengeId())).toList();
      // A judge error is ours, not the candidate's: it never becomes the answer that counts.
      var judged = made.stream().filter(s -> s.status() == SubmissionStatus.JUDGED
          && s.result().verdict() != Verdict.JUDGE_ERROR).toList();
      var info = catalog.pinned(pinned.challengeId(), pinned.version());
      var counted = (assessment.scoring() == ScoringRule.BEST
          ? judged.stream().max(Comparator.comparingInt((ToIntFunction<StoredSubmission>) s -> s.result().score())
              .thenComparing(StoredSubmission::createdAt, Comparator.reverseOrder()))
          : judged.stream().reduce((first, second) -> second));
      boolean pending = judged.size() < made.size();
      return counted.map(s -> new ChallengeScore(pinned.challengeId(), pinned.version(), info.title(),
              s.result().score(), info.maxScore(), s.result().verdict(), s.id(), made.size(), pending,
              s.result().performance() == null ? null : s.result().performance().ratio()))
          .orElseGet(() -> new ChallengeScore(pinned.challengeId(), pinned.version(), info.title(), 0, info.maxScore(),
              null, null, made.size(), pending, null));
    }).toList();
    return new AttemptScore(challenges.stream().mapToInt(ChallengeScore::score).sum(),
        challenges.stream().mapToInt(ChallengeScore::maxScore).sum(), challenges);
  }
}
