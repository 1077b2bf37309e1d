package dev.gauntlet.runner.judge;

import dev.gauntlet.runner.challenge.ChallengePackage;
import dev.gauntlet.runner.language.Language;
import dev.gauntlet.runner.verdict.JudgeResult;

/**
 * A judge that times a submission against the package's reference in the same job. The reference
 * itself is checked without being timed: against itself, it would measure only noise.
 */
public interface TimedJudge extends Judge {
  /** Judges the submission; {@code timed} false leaves the performance points out. */
  JudgeResult judge(ChallengePackage pkg, Submission submission, Progress progress, boolean timed);

  @Override
  default JudgeResult judge(ChallengePackage pkg, Submission submission, Progress progress) {
    return judge(pkg, submission, progress, true);
  }

  @Override
  default JudgeResult judgeReference(ChallengePackage pkg, Language language) {
    return judge(pkg, new Submission(language, pkg.references().get(language)), Progress.NONE, false);
  }
}
