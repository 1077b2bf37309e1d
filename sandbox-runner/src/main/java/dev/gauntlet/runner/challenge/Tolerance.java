package dev.gauntlet.runner.challenge;

import static dev.gauntlet.runner.challenge.ManifestChecks.inRange;

/**
 * How far a number in the output may be from the expected one, as in Kattis: a token is right
 * when it is within the absolute <em>or</em> the relative tolerance.
 *
 * @param floatAbs absolute tolerance
 * @param floatRel relative tolerance
 */
public record Tolerance(double floatAbs, double floatRel) {
  public static final Tolerance EXACT = new Tolerance(0, 0);

  public Tolerance {
    inRange("float_abs", floatAbs, 0, 1);
    inRange("float_rel", floatRel, 0, 1);
  }

  /** Whether {@code actual} matches {@code expected}: the same text, or two numbers within the tolerance. */
  public boolean accepts(String expected, String actual) {
    if (expected.equals(actual)) {
      return true;
    }
    if (equals(EXACT)) {
      return false;
    }
    try {
      double want = Double.parseDouble(expected);
      double got = Double.parseDouble(actual);
      double diff = Math.abs(want - got);
      return diff <= floatAbs || diff <= floatRel * Math.abs(want);
    } catch (NumberFormatException notNumbers) {
      return false;
    }
  }
}
