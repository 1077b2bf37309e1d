package dev.gauntlet.runner.judge;

import dev.gauntlet.runner.challenge.ChallengePackage;
import dev.gauntlet.runner.verdict.JudgeResult;

/** Judges one submission against a package. Blocking: call it from a worker thread. */
@FunctionalInterface
public interface Judge {
  JudgeResult judge(ChallengePackage pkg, Submission submission, Progress progress);
}
