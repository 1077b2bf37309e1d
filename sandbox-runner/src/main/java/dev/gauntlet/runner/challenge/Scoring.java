package dev.gauntlet.runner.challenge;

import static dev.gauntlet.runner.challenge.ManifestChecks.inRange;

/**
 * Points of a package, from {@code scoring:} in the manifest.
 *
 * @param correctness points from hidden tests, shared equally among them
 * @param performance points from latency targets, given only when correctness passes
 */
public record Scoring(int correctness, int performance) {
  public Scoring {
    inRange("correctness", correctness, 0, 1000);
    inRange("performance", performance, 0, 1000);
    if (correctness + performance == 0) {
      throw new IllegalArgumentException("correctness and performance cannot both be 0");
    }
  }

  public int total() {
    return correctness + performance;
  }
}
