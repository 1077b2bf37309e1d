package dev.gauntlet.runner.authoring;

import dev.gauntlet.runner.verdict.Verdict;

/**
 * One solution of a package judged during verification.
 *
 * @param solution  where it lives in the package, e.g. {@code submissions/wrong_answer/off-by-one}
 * @param expected  the verdict its folder promises
 * @param actual    the verdict it got
 * @param slowestMs the slowest test case it ran, wall clock
 * @param peakKb    the most memory one of its test cases used, 0 when unknown
 * @param detail    why it failed, when it did
 * @param latency   http-service: how its latency compared with the reference's, when it was measured
 */
public record Check(String solution, Verdict expected, Verdict actual, long slowestMs, long peakKb, String detail,
                    String latency) {
  public boolean passed() {
    return expected == actual;
  }
}
