package dev.gauntlet.runner.judge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gauntlet.runner.challenge.ChallengePackage;
import dev.gauntlet.runner.challenge.JudgeKind;
import dev.gauntlet.runner.challenge.Limits;
import dev.gauntlet.runner.challenge.Manifest;
import dev.gauntlet.runner.challenge.Scoring;
import dev.gauntlet.runner.challenge.Tolerance;
import dev.gauntlet.runner.docker.SandboxEngineException;
import dev.gauntlet.runner.language.Language;
import dev.gauntlet.runner.verdict.JudgeResult;
import dev.gauntlet.runner.verdict.Verdict;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Judging through engine failures")
class RetryingJudgeTest {
  private static final ChallengePackage PKG = new ChallengePackage(
      new Manifest(Manifest.FORMAT, "p", "P", JudgeKind.STDIO, List.of(), List.of(Language.PYTHON), 5,
          new Limits(10, 1, 64, 1, 16, 16), new Scoring(100, 0), Tolerance.EXACT),
      "", Map.of(), List.of(), Map.of(), List.of());
  private static final Submission SUBMISSION = new Submission(Language.PYTHON, Map.of("main.py", "print(1)"));
  private static final JudgeResult ACCEPTED = new JudgeResult(Verdict.ACCEPTED, 100, 100, null, List.of());

  private static Judge failingTimes(int failures, AtomicInteger calls) {
    return (pkg, submission, progress) -> {
      if (calls.incrementAndGet() <= failures) {
        throw new SandboxEngineException("daemon restarting", null);
      }
      return ACCEPTED;
    };
  }

  @Test
  @DisplayName("tries again after an engine failure and returns the verdict once the engine answers")
  void retries() {
    var calls = new AtomicInteger();
    var result = new RetryingJudge(failingTimes(2, calls), 3, Duration.ZERO).judge(PKG, SUBMISSION, Progress.NONE);

    assertThat(result).isEqualTo(ACCEPTED);
    assertThat(calls).hasValue(3);
  }

  @Test
  @DisplayName("gives up after the last attempt with JUDGE_ERROR and no points taken from the candidate")
  void givesUp() {
    var calls = new AtomicInteger();
    var result = new RetryingJudge(failingTimes(5, calls), 3, Duration.ZERO).judge(PKG, SUBMISSION, Progress.NONE);

    assertThat(result.verdict()).isEqualTo(Verdict.JUDGE_ERROR);
    assertThat(result.maxScore()).isEqualTo(100);
    assertThat(result.message()).contains("failed 3 times").contains("not charged").doesNotContain("daemon restarting");
    assertThat(calls).hasValue(3);
  }
}
