package dev.gauntlet.runner.authoring;

import dev.gauntlet.runner.verdict.Verdict;

/**
 * One solution of a package judged during verification.
 *
 * @param solution  where it lives in the package, e.g. {@code submissions/wrong_answer/off-by-one}
 * @param expected  the verdict its folder promises
 * @param actual    the verdict it got
 * @param slowestMs the slowest test case it ran, wall clock
 * @param detail    why it failed, when it did
 */
public record Check(String solution, Verdict expected, Verdict actual, long slowestMs, String detail) {
  public boolean passed() {
    return expected == actual;
  }
}
