package dev.gauntlet.runner.judge;

import dev.gauntlet.runner.challenge.ChallengePackage;
import dev.gauntlet.runner.language.Language;
import dev.gauntlet.runner.verdict.JudgeResult;

/** Judges one submission against a package. Blocking: call it from a worker thread. */
@FunctionalInterface
public interface Judge {
  JudgeResult judge(ChallengePackage pkg, Submission submission, Progress progress);

  /**
   * Checks the package's own reference in one language, for {@code challenge verify}: it must be
   * {@code ACCEPTED}. By default it is judged like any submission.
   */
  default JudgeResult judgeReference(ChallengePackage pkg, Language language) {
    return judge(pkg, new Submission(language, pkg.references().get(language)), Progress.NONE);
  }
}
