package dev.gauntlet.runner.judge;

import dev.gauntlet.runner.verdict.TestResult;

/** Told about each test case as soon as it is judged, so a candidate sees results arrive live. */
@FunctionalInterface
public interface Progress {
  Progress NONE = (result, done, total) -> { };

  void testJudged(TestResult result, int done, int total);
}
