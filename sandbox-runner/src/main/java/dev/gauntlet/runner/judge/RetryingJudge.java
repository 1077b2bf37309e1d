package dev.gauntlet.runner.judge;

import dev.gauntlet.runner.challenge.ChallengePackage;
import dev.gauntlet.runner.docker.SandboxEngineException;
import dev.gauntlet.runner.verdict.JudgeResult;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Judges again when the sandbox engine fails (image missing, daemon restarting, create refused),
 * a bounded number of times, and then answers {@code JUDGE_ERROR}: the engine's failures are ours
 * and are never charged to the candidate.
 */
public final class RetryingJudge implements Judge {
  private static final Logger log = LoggerFactory.getLogger(RetryingJudge.class);

  private final Judge judge;
  private final int attempts;
  private final Duration backoff;

  public RetryingJudge(Judge judge, int attempts, Duration backoff) {
    if (attempts < 1) {
      throw new IllegalArgumentException("at least one attempt, was " + attempts);
    }
    this.judge = judge;
    this.attempts = attempts;
    this.backoff = backoff;
  }

  @Override
  public JudgeResult judge(ChallengePackage pkg, Submission submission, Progress progress) {
    for (int attempt = 1; ; attempt++) {
      try {
        return judge.judge(pkg, submission, progress);
      } catch (SandboxEngineException e) {
        if (attempt == attempts) {
          log.error("the sandbox engine failed {} times; giving up", attempt, e);
          // The engine's own words name containers and sockets: they are for the operator's log only.
          return JudgeResult.judgeError("the sandbox engine failed " + attempt + " times; this submission is not"
              + " charged and can be judged again", pkg.manifest().scoring().total());
        }
        log.warn("the sandbox engine failed (attempt {} of {}), retrying: {}", attempt, attempts, e.getMessage());
        sleep(backoff.multipliedBy(attempt));
      }
    }
  }

  private static void sleep(Duration pause) {
    try {
      Thread.sleep(pause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SandboxEngineException("interrupted while waiting to retry", e);
    }
  }
}
