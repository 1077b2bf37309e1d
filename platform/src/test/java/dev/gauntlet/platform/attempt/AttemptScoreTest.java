package dev.gauntlet.platform.attempt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gauntlet.platform.assessment.Assessment;
import dev.gauntlet.platform.assessment.PinnedChallenge;
import dev.gauntlet.platform.assessment.ScoringRule;
import dev.gauntlet.platform.submission.StoredSubmission;
import dev.gauntlet.platform.submission.SubmissionStatus;
import dev.gauntlet.runner.language.Language;
import dev.gauntlet.runner.verdict.JudgeResult;
import dev.gauntlet.runner.verdict.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("An attempt's score")
class AttemptScoreTest {
  private static final Instant T0 = Instant.parse("2026-12-05T09:00:00Z");
  private static final AttemptScore.Catalog CATALOG = (id, version) -> new AttemptScore.Pinned(id.toUpperCase(), 100);

  private final List<StoredSubmission> made = new ArrayList<>();

  @Test
  @DisplayName("counts each challenge's best judged submission, the earlier of equals, under the rule best")
  void best() {
    judged("a", 40, Verdict.WRONG_ANSWER);
    judged("a", 90, Verdict.TOO_SLOW);
    judged("a", 90, Verdict.TOO_SLOW);
    judged("a", 70, Verdict.WRONG_ANSWER);
    judged("b", 100, Verdict.ACCEPTED);
    made.add(submission("c", SubmissionStatus.JUDGED, new JudgeResult(Verdict.ACCEPTED, 100, 100, null, List.of()),
        true));

    var score = AttemptScore.of(assessment(ScoringRule.BEST), made, CATALOG);

    assertThat(score.score()).isEqualTo(190);
    assertThat(score.maxScore()).isEqualTo(300);
    var a = score.challenges().getFirst();
    assertThat(a.submissionId()).isEqualTo(made.get(1).id());
    assertThat(a.submissions()).isEqualTo(4);
    assertThat(a.verdict()).isEqualTo(Verdict.TOO_SLOW);
    assertThat(a.title()).isEqualTo("A");
    assertThat(score.challenges().get(2)).as("nothing submitted, only run")
        .isEqualTo(new ChallengeScore("c", 1, "C", 0, 100, null, null, 0, false, null));
  }

  @Test
  @DisplayName("counts the last judged submission under the rule last, and says when a later one is still pending")
  void last() {
    judged("a", 90, Verdict.TOO_SLOW);
    judged("a", 40, Verdict.WRONG_ANSWER);
    queued("a");

    var a = AttemptScore.of(assessment(ScoringRule.LAST), made, CATALOG).challenges().getFirst();

    assertThat(a.score()).isEqualTo(40);
    assertThat(a.submissionId()).isEqualTo(made.get(1).id());
    assertThat(a.pending()).isTrue();
    assertThat(a.submissions()).isEqualTo(3);
  }

  private Assessment assessment(ScoringRule rule) {
    return new Assessment("as-1", "org", "Backend", Duration.ofMinutes(60), List.of(Language.JAVA), rule, "staff",
        T0, List.of(new PinnedChallenge("a", 1), new PinnedChallenge("b", 2), new PinnedChallenge("c", 1)));
  }

  private void judged(String challenge, int points, Verdict verdict) {
    made.add(submission(challenge, SubmissionStatus.JUDGED, new JudgeResult(verdict, points, 100, null, List.of())));
  }

  private void queued(String challenge) {
    made.add(submission(challenge, SubmissionStatus.QUEUED, null));
  }

  private StoredSubmission submission(String challenge, SubmissionStatus status, JudgeResult result) {
    return submission(challenge, status, result, false);
  }

  private StoredSubmission submission(String challenge, SubmissionStatus status, JudgeResult result, boolean run) {
    var at = T0.plusSeconds(made.size());
    return new StoredSubmission("s" + made.size(), challenge, 1, Language.JAVA, Map.of("Main.java", "class Main {}"),
        status, result, at, result == null ? null : at.plusSeconds(1), "attempt-1", "assessment-as-1", run);
  }
}
