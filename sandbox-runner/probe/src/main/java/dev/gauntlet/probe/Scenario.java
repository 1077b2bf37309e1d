package dev.gauntlet.probe;

import java.util.List;

/**
 * A group of steps that run in order against one service, sharing captured values. A scenario
 * passes when every step does, and earns its points then.
 *
 * @param name     the file name when absent
 * @param points   its weight among the package's hidden scenarios; 1 when absent
 * @param required when false, failing it does not withhold the performance points; true when absent
 * @param steps    at least one
 */
public record Scenario(String name, Integer points, Boolean required, List<Step> steps) {
  public Scenario {
    points = points == null ? 1 : points;
    required = required == null || required;
    if (points < 0 || points > 1000) {
      throw new IllegalArgumentException("points must be between 0 and 1000, was " + points);
    }
    if (steps == null || steps.isEmpty()) {
      throw new IllegalArgumentException("steps: a scenario needs at least one step");
    }
    steps = List.copyOf(steps);
  }

  /** This scenario, named {@code fallback} unless it names itself. */
  public Scenario named(String fallback) {
    return name != null ? this : new Scenario(fallback, points, required, steps);
  }
}
