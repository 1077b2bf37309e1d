package dev.gauntlet.runner.challenge;

import static dev.gauntlet.runner.challenge.ManifestChecks.inRange;
import static dev.gauntlet.runner.challenge.ManifestChecks.required;

/**
 * How latency is scored, from {@code performance:} in the manifest. The candidate's service and the
 * reference are loaded in alternating rounds in the same job; the ratio of their medians decides.
 *
 * @param metric      what each round is summed up by
 * @param fullMarksAt at or under this many times the reference: all performance points
 * @param zeroAt      at or over this many times the reference: none; log-scale in between
 * @param rounds      rounds of load for each side, alternating; 3 when absent
 */
public record Performance(LatencyMetric metric, double fullMarksAt, double zeroAt, Integer rounds) {
  public Performance {
    required("metric", metric);
    inRange("full_marks_at", fullMarksAt, 1, 100);
    inRange("zero_at", zeroAt, 1, 1000);
    if (zeroAt <= fullMarksAt) {
      throw new IllegalArgumentException("zero_at must be greater than full_marks_at, was " + zeroAt);
    }
    rounds = rounds == null ? 3 : rounds;
    inRange("rounds", rounds, 1, 40);
  }
}
